using Iad.Methods.Padim;
using Iad.Methods.PatchCore;

namespace Iad.Methods.Tests.Fixtures;

/// <summary>Tasks and default fits shared by the method tests (fitting once keeps the suite fast).</summary>
public sealed class FittedModels : IDisposable
{
    public const int CategoryA = 1;
    public const int CategoryB = 2;

    private readonly Lazy<SyntheticTask> _taskA = new(() => SyntheticTask.Create(CategoryA));
    private readonly Lazy<SyntheticTask> _taskB = new(() => SyntheticTask.Create(CategoryB));
    private readonly Lazy<PatchCoreModel> _patchCore;
    private readonly Lazy<PadimModel> _padim;

    public FittedModels()
    {
        _patchCore = new(() => (PatchCoreModel)new PatchCoreMethod().Fit(TaskA.TrainBatches(), SyntheticTask.Options()));
        _padim = new(() => (PadimModel)new PadimMethod().Fit(TaskA.TrainBatches(), SyntheticTask.Options()));
    }

    public SyntheticTask TaskA => _taskA.Value;

    public SyntheticTask TaskB => _taskB.Value;

    public PatchCoreModel PatchCore => _patchCore.Value;

    public PadimModel Padim => _padim.Value;

    public void Dispose()
    {
        if (_patchCore.IsValueCreated) _patchCore.Value.Dispose();
        if (_padim.IsValueCreated) _padim.Value.Dispose();
    }
}
