namespace Iad.Evaluation.Curves;

/// <summary>
/// One pass over the points of a binary classification curve, from the highest threshold down, that accumulates
/// AUROC, AP, F1-max and the area under a PRO-like curve at the same time. Each call to <see cref="Add"/> gives the
/// cumulative counts of everything scoring ≥ one distinct threshold (one point per distinct score, like
/// scikit-learn's <c>_binary_clf_curve</c>); the origin (0, 0) is implicit.
/// </summary>
/// <remarks>
/// AUROC = Σ (fp_k − fp_{k−1})(tp_k + tp_{k−1}) / (2 P N), the trapezoid rule over (FPR, TPR), which equals the
/// Mann–Whitney U statistic with ties counted ½. AP = Σ (tp_k − tp_{k−1}) / P · tp_k / (tp_k + fp_k) (step-wise,
/// no interpolation). F1 = 2·prec·rec / (prec + rec) at each point; the maximum keeps the lowest threshold among
/// equal values. Region overlap area: trapezoid over (FPR, PRO) from FPR 0 to the limit, linearly interpolated at the
/// limit, divided by the limit.
/// </remarks>
internal struct ThresholdSweep(double positives, double negatives, double fprLimit)
{
    private double _tp;
    private double _fp;
    private double _pro;
    private double _rocArea;
    private double _apSum;
    private double _proArea;
    private bool _proClosed;

    public double F1Max { get; private set; }

    public double F1Threshold { get; private set; } = double.PositiveInfinity;

    public readonly double Auroc => _rocArea / (positives * negatives);

    public readonly double AveragePrecision => _apSum / positives;

    public readonly double Aupro => _proArea / fprLimit;

    /// <summary>Adds the curve point for everything scoring ≥ <paramref name="threshold"/>.</summary>
    /// <param name="tp">Cumulative anomalous count.</param>
    /// <param name="fp">Cumulative normal count.</param>
    /// <param name="pro">Overlap (PRO or sPRO) at this threshold, in [0, 1].</param>
    /// <param name="threshold">The threshold, reported with F1-max.</param>
    public void Add(double tp, double fp, double pro, double threshold)
    {
        _rocArea += (fp - _fp) * (tp + _tp) * 0.5;
        if (tp > 0)
        {
            var precision = tp / (tp + fp);
            _apSum += (tp - _tp) * precision;
            var recall = tp / positives;
            var f1 = 2 * precision * recall / (precision + recall);
            if (f1 >= F1Max)
            {
                F1Max = f1;
                F1Threshold = threshold;
            }
        }
        if (!_proClosed && negatives > 0)
        {
            var x0 = _fp / negatives;
            var x1 = fp / negatives;
            if (x1 <= fprLimit)
            {
                _proArea += (x1 - x0) * (pro + _pro) * 0.5;
            }
            else
            {
                var atLimit = _pro + (pro - _pro) * (fprLimit - x0) / (x1 - x0);
                _proArea += (fprLimit - x0) * (_pro + atLimit) * 0.5;
                _proClosed = true;
            }
        }
        _tp = tp;
        _fp = fp;
        _pro = pro;
    }
}
