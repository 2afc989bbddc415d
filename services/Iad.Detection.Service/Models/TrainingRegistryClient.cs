using Grpc.Core;
using Grpc.Net.Client;
using Iad.Contracts.V1;

namespace Iad.Detection.Service.Models;

/// <summary>
/// Pulls detectors from the training service's model registry: <c>GetModel</c> for the record (SHA-256, size), then
/// the server stream <c>DownloadModel</c> (a header repeating the record, then byte chunks) into the
/// <see cref="ModelCache"/>. Registry errors (NOT_FOUND, UNAVAILABLE, …) reach the caller with their status.
/// </summary>
public sealed class TrainingRegistryClient : IDisposable
{
    private readonly Lazy<GrpcChannel> _channel;
    private readonly int _chunkBytes;

    /// <summary>Connects lazily to <paramref name="address"/> on first use.</summary>
    public TrainingRegistryClient(string address, int chunkBytes)
    {
        _chunkBytes = chunkBytes;
        _channel = new Lazy<GrpcChannel>(() => GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            MaxReceiveMessageSize = 8 << 20,
        }));
    }

    private TrainingService.TrainingServiceClient Client => new(_channel.Value);

    /// <summary>The registry record of <paramref name="modelId"/> (<c>name</c> means its latest version).</summary>
    public async Task<Model> GetModelAsync(string modelId, CancellationToken cancellation)
    {
        var response = await Client.GetModelAsync(new GetModelRequest { ModelId = modelId }, cancellationToken: cancellation).ConfigureAwait(false);
        return response.Model ?? throw new ModelSourceException($"The registry answered GetModel('{modelId}') without a model record.");
    }

    /// <summary>
    /// Downloads the file of <paramref name="record"/> into <paramref name="target"/> and commits it; the stream's header
    /// must repeat the record's SHA-256 and size.
    /// </summary>
    /// <exception cref="ModelIntegrityException">Header, size or SHA-256 disagree with the record.</exception>
    public async Task<string> DownloadAsync(Model record, PendingModelFile target, CancellationToken cancellation)
    {
        using var call = Client.DownloadModel(new DownloadModelRequest { ModelId = record.ModelId, ChunkBytes = _chunkBytes },
            cancellationToken: cancellation);
        var sawHeader = false;
        await foreach (var message in call.ResponseStream.ReadAllAsync(cancellation).ConfigureAwait(false))
        {
            switch (message.MessageCase)
            {
                case DownloadModelResponse.MessageOneofCase.Header when !sawHeader:
                    if (message.Header.Sha256 != record.Sha256 || message.Header.SizeBytes != record.SizeBytes)
                    {
                        throw new ModelIntegrityException(
                            $"The download header of '{record.ModelId}' announces {message.Header.SizeBytes} bytes with SHA-256 {message.Header.Sha256}; the registry record says {record.SizeBytes} bytes with {record.Sha256}.");
                    }
                    sawHeader = true;
                    break;
                case DownloadModelResponse.MessageOneofCase.Chunk when sawHeader:
                    target.Append(message.Chunk.Span);
                    break;
                default:
                    throw new ModelIntegrityException($"The download of '{record.ModelId}' sent {message.MessageCase} out of order (header first, then chunks).");
            }
        }
        if (!sawHeader) throw new ModelIntegrityException($"The download of '{record.ModelId}' carried no header.");
        return target.Commit();
    }

    public void Dispose()
    {
        if (_channel.IsValueCreated) _channel.Value.Dispose();
    }
}
