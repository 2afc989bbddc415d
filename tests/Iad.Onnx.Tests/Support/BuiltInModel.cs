using Iad.Onnx.Backbones.BuiltIn;
using Iad.Onnx.Protobuf;

namespace Iad.Onnx.Tests.Support;

/// <summary>The default built-in backbone, generated once per test run (generation calibrates on synthetic images).</summary>
internal static class BuiltInModel
{
    private static readonly Lazy<ModelProto> Model = new(() => BuiltInBackbone.Create());

    /// <summary>A fresh copy, so tests may modify it.</summary>
    public static ModelProto Create() => Model.Value.Clone();
}
