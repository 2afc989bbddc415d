using System.Runtime.InteropServices;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Iad.Contracts.KServe.V2;
using Iad.Contracts.V1;
using Iad.Detection.Service.Inference;
using Iad.Onnx.Detector;

namespace Iad.Detection.Service.KServe;

/// <summary>
/// The outputs a KServe v2 request asks for (<c>score</c> [N] and/or <c>anomaly_map</c> [N, 1, H, W], both FP32; none
/// named means both, in that order) and the response that carries them as <c>raw_output_contents</c>, in the order
/// asked for.
/// </summary>
internal sealed class KServeOutputs
{
    private static readonly string[] All = [DetectorContract.ScoreOutput, DetectorContract.AnomalyMapOutput];

    private readonly string[] _names;

    private KServeOutputs(string[] names) => _names = names;

    /// <summary>Whether the anomaly map has to be computed out of the batch.</summary>
    public bool WantsMap => _names.Contains(DetectorContract.AnomalyMapOutput);

    /// <summary>The iad output options that produce these outputs: the full-resolution float32 map, or score only.</summary>
    public OutputOptions? Options => WantsMap ? new OutputOptions { MapEncoding = MapEncoding.Float32 } : null;

    /// <summary>Reads the requested outputs.</summary>
    /// <exception cref="ArgumentException">An unknown output name, or one asked for twice.</exception>
    public static KServeOutputs Resolve(RepeatedField<ModelInferRequest.Types.InferRequestedOutputTensor> requested)
    {
        if (requested.Count == 0) return new KServeOutputs(All);
        var names = new string[requested.Count];
        for (var i = 0; i < names.Length; i++)
        {
            var name = requested[i].Name;
            if (!All.Contains(name))
                throw new ArgumentException($"Output '{name}' is unknown; the detector's outputs are '{All[0]}' and '{All[1]}'.");
            if (Array.IndexOf(names, name, 0, i) >= 0) throw new ArgumentException($"Output '{name}' is asked for twice.");
            names[i] = name;
        }
        return new KServeOutputs(names);
    }

    /// <summary>The response to <paramref name="request"/> from its <paramref name="result"/> (maps, when asked for, as float32 [1, H, W]).</summary>
    public ModelInferResponse Build(ModelInferRequest request, DetectionResult result)
    {
        var model = result.Model;
        var response = new ModelInferResponse
        {
            ModelName = model.Name,
            ModelVersion = KServeModelNames.VersionOf(model),
            Id = request.Id,
        };
        var detections = result.Detections;
        var count = detections.Count;
        foreach (var name in _names)
        {
            var tensor = new ModelInferResponse.Types.InferOutputTensor { Name = name, Datatype = KServeDataTypes.Fp32 };
            if (name == DetectorContract.ScoreOutput)
            {
                tensor.Shape.Add(count);
                var scores = new float[count];
                for (var i = 0; i < count; i++) scores[i] = detections[i].Score;
                response.RawOutputContents.Add(UnsafeByteOperations.UnsafeWrap(MemoryMarshal.AsBytes(scores.AsSpan()).ToArray()));
            }
            else
            {
                var mapShape = detections[0].AnomalyMap.Shape;
                tensor.Shape.Add([count, 1, mapShape[1], mapShape[2]]);
                var mapBytes = detections[0].AnomalyMap.Data.Length;
                var maps = new byte[count * mapBytes];
                for (var i = 0; i < count; i++) detections[i].AnomalyMap.Data.Span.CopyTo(maps.AsSpan(i * mapBytes, mapBytes));
                response.RawOutputContents.Add(UnsafeByteOperations.UnsafeWrap(maps));
            }
            response.Outputs.Add(tensor);
        }
        return response;
    }
}
