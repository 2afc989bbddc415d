using Iad.Hosting.Transport;
using Iad.Metrics.Service.Services;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.DependencyInjection;

namespace Iad.Hosting.Tests;

public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void Every_rent_within_a_block_gets_a_whole_block()
    {
        using var pool = new LargeBlockMemoryPool();

        foreach (var size in (int[])[-1, 0, 1, 2048, LargeBlockMemoryPool.BlockBytes])
        {
            using var block = pool.Rent(size);
            Assert.Equal(LargeBlockMemoryPool.BlockBytes, block.Memory.Length);
        }
        Assert.Equal(LargeBlockMemoryPool.BlockBytes, pool.MaxBufferSize);
    }

    [Fact]
    public void A_returned_block_is_reused_and_a_second_dispose_does_not_pool_it_twice()
    {
        using var pool = new LargeBlockMemoryPool();
        var first = pool.Rent();
        var memory = first.Memory;
        first.Dispose();
        first.Dispose();

        using var again = pool.Rent();
        using var other = pool.Rent();

        Assert.True(again.Memory.Span == memory.Span, "the returned block comes back");
        Assert.False(other.Memory.Span == memory.Span, "a block disposed twice is handed out once");
        Assert.Equal(2, pool.BlocksAllocated);
    }

    [Fact]
    public void A_rent_above_the_block_size_gets_its_own_buffer_that_is_not_retained()
    {
        using var pool = new LargeBlockMemoryPool();

        var large = pool.Rent(LargeBlockMemoryPool.BlockBytes + 1);
        Assert.Equal(LargeBlockMemoryPool.BlockBytes + 1, large.Memory.Length);
        large.Dispose();

        Assert.Equal(0, pool.BlocksRetained);
    }

    [Fact]
    public void At_most_the_retention_limit_of_free_blocks_is_kept()
    {
        using var pool = new LargeBlockMemoryPool();
        var blocks = Enumerable.Range(0, LargeBlockMemoryPool.MaxRetainedBlocks + 40).Select(_ => pool.Rent()).ToList();

        blocks.ForEach(b => b.Dispose());

        Assert.Equal(LargeBlockMemoryPool.MaxRetainedBlocks, pool.BlocksRetained);
        Assert.Equal(LargeBlockMemoryPool.MaxRetainedBlocks + 40, pool.BlocksAllocated);
    }

    [Fact]
    public void Concurrent_rent_and_return_never_hands_one_block_to_two_holders()
    {
        using var pool = new LargeBlockMemoryPool();

        Parallel.For(0, 8, worker =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                using var block = pool.Rent();
                var span = block.Memory.Span;
                span[0] = (byte)worker;
                span[^1] = (byte)worker;
                Thread.SpinWait(20);
                Assert.Equal((byte)worker, span[0]);
                Assert.Equal((byte)worker, span[^1]);
            }
        });

        Assert.InRange(pool.BlocksAllocated, 1, 8);
    }

    [Fact]
    public void Service_hosts_give_kestrel_the_large_block_pool()
    {
        using var host = new InProcessService<MetricsGrpcService>();

        var factory = host.Services.GetRequiredService<IMemoryPoolFactory<byte>>();

        Assert.IsType<LargeBlockMemoryPoolFactory>(factory);
        using var pool = factory.Create();
        Assert.Equal(LargeBlockMemoryPool.BlockBytes, pool.MaxBufferSize);
    }
}
