namespace Iad.Evaluation.Pixel;

/// <summary>Collects PRO curve points in sweep order, stops at the FPR limit with linear interpolation, and thins by FPR step.</summary>
internal sealed class ProCurveBuilder(double fprLimit, double minFprStep)
{
    private readonly List<double> _fpr = [0];
    private readonly List<double> _pro = [0];
    private double _lastFpr;
    private double _lastPro;
    private bool _closed;

    public void Add(double fpr, double pro)
    {
        if (_closed) return;
        if (fpr > fprLimit)
        {
            var atLimit = _lastPro + (pro - _lastPro) * (fprLimit - _lastFpr) / (fpr - _lastFpr);
            if (_fpr[^1] < fprLimit)
            {
                _fpr.Add(fprLimit);
                _pro.Add(atLimit);
            }
            _closed = true;
            return;
        }
        if (fpr - _fpr[^1] >= minFprStep || fpr == fprLimit)
        {
            _fpr.Add(fpr);
            _pro.Add(pro);
        }
        _lastFpr = fpr;
        _lastPro = pro;
    }

    public ProCurve Build() => new([.. _fpr], [.. _pro], fprLimit);
}
