using Microsoft.ML.OnnxRuntime;

namespace Iad.Onnx.Runtime;

/// <summary>
/// Creates ONNX Runtime sessions with the execution-provider policy of <see cref="ExecutionProviderPreference"/>:
/// <c>auto</c> tries CUDA only in builds that carry it (<c>IAD_GPU</c>) with a visible device, and falls back to CPU on
/// any failure, recording why; <c>cuda</c> fails loudly; <c>cpu</c> never touches CUDA.
/// </summary>
public static class OnnxSessionFactory
{
    private const string CudaProviderName = "CUDAExecutionProvider";

    /// <summary>Whether this build was compiled against the GPU ONNX Runtime package.</summary>
    public static bool IsGpuBuild =>
#if IAD_GPU
        true;
#else
        false;
#endif

    /// <summary>Creates a session for the model file at <paramref name="modelPath"/> (external data is found next to it).</summary>
    public static CreatedSession Create(string modelPath, SessionSettings settings) =>
        Create(options => new InferenceSession(modelPath, options), settings);

    /// <summary>Creates a session for a serialized model held in memory.</summary>
    public static CreatedSession Create(byte[] model, SessionSettings settings) =>
        Create(options => new InferenceSession(model, options), settings);

    private static CreatedSession Create(Func<SessionOptions, InferenceSession> open, SessionSettings settings)
    {
        settings.Validate();
        switch (settings.Provider)
        {
            case ExecutionProviderPreference.Cpu:
                return new CreatedSession(OpenCpu(open, settings), ExecutionProviderKind.Cpu, null);
            case ExecutionProviderPreference.Cuda:
                return new CreatedSession(OpenCuda(open, settings), ExecutionProviderKind.Cuda, null);
            default:
                var reason = CudaUnavailableReason();
                if (reason is null)
                {
                    try
                    {
                        return new CreatedSession(OpenCuda(open, settings), ExecutionProviderKind.Cuda, null);
                    }
                    catch (ExecutionProviderUnavailableException e)
                    {
                        reason = e.Message;
                    }
                }
                return new CreatedSession(OpenCpu(open, settings), ExecutionProviderKind.Cpu, reason);
        }
    }

    /// <summary>Null when CUDA is worth trying; otherwise why not.</summary>
    private static string? CudaUnavailableReason()
    {
        if (!IsGpuBuild) return "this build carries the CPU ONNX Runtime only (build with -p:IadGpu=true for CUDA)";
        if (!OrtEnv.Instance().GetAvailableProviders().Contains(CudaProviderName))
            return $"the ONNX Runtime native library does not offer {CudaProviderName}";
        var visible = Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES");
        if (visible is not null && (visible.Trim().Length == 0 || visible.Trim() == "-1")) return "CUDA_VISIBLE_DEVICES hides all GPUs";
        if (OperatingSystem.IsLinux() && !File.Exists("/dev/nvidiactl")) return "no NVIDIA device is visible (/dev/nvidiactl is missing)";
        return null;
    }

    private static InferenceSession OpenCpu(Func<SessionOptions, InferenceSession> open, SessionSettings settings)
    {
        using var options = BaseOptions(settings);
        return open(options);
    }

    private static InferenceSession OpenCuda(Func<SessionOptions, InferenceSession> open, SessionSettings settings)
    {
        using var options = BaseOptions(settings);
        try
        {
            options.AppendExecutionProvider_CUDA(settings.CudaDeviceId);
            return open(options);
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            throw new ExecutionProviderUnavailableException(
                $"CUDA execution provider on device {settings.CudaDeviceId} cannot be used: {e.Message}", e);
        }
    }

    private static SessionOptions BaseOptions(SessionSettings settings)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = settings.OptimizationLevel,
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = settings.InterOpThreads,
            ExecutionMode = settings.InterOpThreads > 1 ? ExecutionMode.ORT_PARALLEL : ExecutionMode.ORT_SEQUENTIAL,
            EnableCpuMemArena = true,
            EnableMemoryPattern = true,
        };
        if (!settings.IntraOpSpinning) options.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return options;
    }
}
