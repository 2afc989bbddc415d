using System.Collections.Concurrent;
using Iad.Methods.Components.FeatureExtraction;
using Iad.Onnx.Backbones;
using Iad.Onnx.Backbones.BuiltIn;
using Proto = Iad.Contracts.V1;

namespace Iad.Training.Service.Backbones;

/// <summary>
/// Turns a request's backbone into a feature backbone cut at layer2 and layer3. Built-in: <c>iad_builtin_v1</c> (also
/// <c>builtin</c> or empty) from its seed. User files: <c>onnx_path</c> relative to the backbone root, never outside it;
/// the family (and so the layer names) is the catalogue name the file name contains, e.g. <c>wide_resnet50_2.onnx</c>.
/// Loaded backbones are cached per file and modification time.
/// </summary>
public sealed class BackboneResolver(string root)
{
    private static readonly string[] RequiredLayers = ["layer2", "layer3"];
    private readonly ConcurrentDictionary<(string Path, DateTime Modified), FeatureBackbone> _files = new();

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The backbone <paramref name="spec"/> names (built-in when null).</summary>
    /// <exception cref="ArgumentException">See <see cref="Check"/>.</exception>
    public FeatureBackbone Resolve(Proto.BackboneSpec? spec)
    {
        var (path, family) = Check(spec);
        return path is null || family is null
            ? FeatureBackbone.BuiltIn(spec?.Seed ?? BuiltInBackbone.DefaultSeed)
            : _files.GetOrAdd((path, File.GetLastWriteTimeUtc(path)), key => FeatureBackbone.Load(key.Path, family));
    }

    /// <summary>Checks <paramref name="spec"/> without loading anything: the file and family of a user backbone, or nulls for the built-in one.</summary>
    /// <exception cref="ArgumentException">Unknown built-in, a path outside the root, a missing file, an unknown family or other layers than layer2+layer3.</exception>
    public (string? Path, BackboneSpec? Family) Check(Proto.BackboneSpec? spec)
    {
        if (spec is not null && spec.Layers.Count > 0 && !spec.Layers.SequenceEqual(RequiredLayers))
            throw new ArgumentException($"PatchCore and PaDiM use layers [layer2, layer3]; the request names [{string.Join(", ", spec.Layers)}].");
        if (spec is null || spec.SourceCase != Proto.BackboneSpec.SourceOneofCase.OnnxPath)
        {
            var name = spec?.Builtin ?? "";
            if (name is not ("" or "builtin" or BuiltInBackbone.Name))
                throw new ArgumentException($"Unknown built-in backbone '{name}'; the built-in backbone is '{BuiltInBackbone.Name}'.");
            return (null, null);
        }
        var path = ResolvePath(spec.OnnxPath);
        var family = FamilyOf(path)
            ?? throw new ArgumentException($"Cannot tell the family of backbone file '{spec.OnnxPath}': its name must contain one of [{string.Join(", ", UserFamilies.Select(f => f.Name))}].");
        return (path, family);
    }

    /// <summary>The built-in backbone, then every catalogue family, then the recognised files under the root (by relative path).</summary>
    public IReadOnlyList<Proto.BackboneInfo> List()
    {
        var list = new List<Proto.BackboneInfo> { Info(BuiltInBackbone.Name, true, BackboneCatalogue.BuiltIn) };
        list.AddRange(UserFamilies.Select(f => Info(f.Name, false, f)));
        if (Directory.Exists(Root))
        {
            foreach (var file in Directory.EnumerateFiles(Root, "*.onnx", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (FamilyOf(file) is { } family) list.Add(Info(Path.GetRelativePath(Root, file), false, family));
            }
        }
        return list;
    }

    private static IEnumerable<BackboneSpec> UserFamilies => BackboneCatalogue.All.Where(f => f.Name != BuiltInBackbone.Name);

    private static BackboneSpec? FamilyOf(string path)
    {
        var file = Path.GetFileName(path);
        return UserFamilies.FirstOrDefault(f => file.Contains(f.Name, StringComparison.OrdinalIgnoreCase));
    }

    private string ResolvePath(string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative))
            throw new ArgumentException($"Backbone path '{relative}' must be relative to the server's backbone directory.");
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        if (!Inside(full)) throw new ArgumentException($"Backbone path '{relative}' leaves the backbone directory.");
        if (!File.Exists(full)) throw new ArgumentException($"Backbone file '{relative}' does not exist in the server's backbone directory.");
        var target = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName;
        if (target is not null && !Inside(target)) throw new ArgumentException($"Backbone path '{relative}' links outside the backbone directory.");
        return full;
    }

    private bool Inside(string path) => path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static Proto.BackboneInfo Info(string name, bool builtin, BackboneSpec family)
    {
        var info = new Proto.BackboneInfo { Name = name, Builtin = builtin };
        info.Layers.AddRange(family.Layers.Select(l => new Proto.BackboneLayer { Name = l.Name, Channels = l.Channels, Stride = l.Stride }));
        return info;
    }
}
