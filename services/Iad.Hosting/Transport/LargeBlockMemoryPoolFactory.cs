using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace Iad.Hosting.Transport;

/// <summary>Gives Kestrel (and every other user of the host's pool factory) a <see cref="LargeBlockMemoryPool"/>.</summary>
public sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
