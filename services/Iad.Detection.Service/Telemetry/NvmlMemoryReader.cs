using System.Runtime.InteropServices;

namespace Iad.Detection.Service.Telemetry;

/// <summary>
/// Reads GPU memory through NVIDIA's management library (<c>libnvidia-ml.so.1</c>, shipped with the driver).
/// Where the library or a device is absent, <see cref="TryOpen"/> returns null and nothing else happens.
/// </summary>
public sealed class NvmlMemoryReader
{
    private const string Library = "libnvidia-ml.so.1";
    private const int Success = 0;

    private readonly IntPtr[] _devices;

    private NvmlMemoryReader(IntPtr[] devices) => _devices = devices;

    /// <summary>Number of GPUs visible to NVML.</summary>
    public int DeviceCount => _devices.Length;

    /// <summary>Initialises NVML and enumerates devices; null when the library, its entry points or any device is missing.</summary>
    public static NvmlMemoryReader? TryOpen()
    {
        try
        {
            if (NativeMethods.nvmlInit_v2() != Success) return null;
            if (NativeMethods.nvmlDeviceGetCount_v2(out var count) != Success || count == 0) return null;
            var devices = new IntPtr[count];
            for (uint i = 0; i < count; i++)
            {
                if (NativeMethods.nvmlDeviceGetHandleByIndex_v2(i, out devices[i]) != Success) return null;
            }
            return new NvmlMemoryReader(devices);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return null;
        }
    }

    /// <summary>Used and total memory of device <paramref name="index"/> in bytes; false when NVML reports an error.</summary>
    public bool TryRead(int index, out long usedBytes, out long totalBytes)
    {
        usedBytes = totalBytes = 0;
        if (NativeMethods.nvmlDeviceGetMemoryInfo(_devices[index], out var memory) != Success) return false;
        usedBytes = (long)memory.Used;
        totalBytes = (long)memory.Total;
        return true;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NvmlMemory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    private static class NativeMethods
    {
        [DllImport(Library)]
        public static extern int nvmlInit_v2();

        [DllImport(Library)]
        public static extern int nvmlDeviceGetCount_v2(out uint count);

        [DllImport(Library)]
        public static extern int nvmlDeviceGetHandleByIndex_v2(uint index, out IntPtr device);

        [DllImport(Library)]
        public static extern int nvmlDeviceGetMemoryInfo(IntPtr device, out NvmlMemory memory);
    }
}
