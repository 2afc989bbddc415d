using Iad.Evaluation.Image;
using Iad.Evaluation.Pixel;

namespace Iad.Methods.Tests.Fixtures;

/// <summary>Scores a task's test images with a fitted model and computes image and pixel AUROC.</summary>
public static class Scoring
{
    public static (float[] Scores, float[] Maps) ScoreAll(IFittedModel model, SyntheticTask task, int batchSize = 8)
    {
        var plane = SyntheticTask.Size * SyntheticTask.Size;
        var scores = new float[task.TestCount];
        var maps = new float[task.TestCount * plane];
        for (var start = 0; start < task.TestCount; start += batchSize)
        {
            var count = Math.Min(batchSize, task.TestCount - start);
            model.Score(task.Test.AsSpan(start * SyntheticTask.ImageLength, count * SyntheticTask.ImageLength), count,
                scores.AsSpan(start, count), maps.AsSpan(start * plane, count * plane));
        }
        return (scores, maps);
    }

    public static (double Image, double Pixel) Auroc(IFittedModel model, SyntheticTask task)
    {
        var (scores, maps) = ScoreAll(model, task);
        var image = Iad.Evaluation.Image.Auroc.Compute(task.Labels, Array.ConvertAll(scores, s => (double)s));
        var pixel = new ExactPixelMetrics();
        var plane = SyntheticTask.Size * SyntheticTask.Size;
        for (var i = 0; i < task.TestCount; i++) pixel.Update(maps.AsSpan(i * plane, plane), task.Masks[i], SyntheticTask.Size);
        return (image, pixel.Compute().Auroc);
    }
}
