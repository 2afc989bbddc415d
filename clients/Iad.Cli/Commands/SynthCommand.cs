using System.CommandLine;
using Iad.Synthetic;

namespace Iad.Cli.Commands;

/// <summary><c>iad synth</c>: writes the built-in synthetic dataset (MVTec AD layout) to a folder.</summary>
internal static class SynthCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write", Required = true };
        var categories = new Option<int>("--categories") { Description = "Number of categories", DefaultValueFactory = _ => 3 };
        var seed = new Option<int>("--seed") { Description = "Seed; the same options give byte-identical files", DefaultValueFactory = _ => 0 };
        var views = new Option<int>("--views") { Description = "1, or 5 to also write a Real-IAD-style multi-view tree", DefaultValueFactory = _ => 1 };
        var subclasses = new Option<int>("--subclasses") { Description = "Subclasses per category for a Texture-AD-style tree (0 = none)" };
        var size = new Option<int>("--image-size") { Description = "Image side in pixels", DefaultValueFactory = _ => 256 };
        var difficulty = new Option<double>("--difficulty") { Description = "0 = large, high-contrast defects ... 1 = small, faint ones", DefaultValueFactory = _ => 0.5 };
        var command = new Command("synth", "Write a seeded synthetic anomaly dataset (MVTec AD layout, optional multi-view and subclass trees)")
        {
            output, categories, seed, views, subclasses, size, difficulty,
        };
        command.SetAction(parse =>
        {
            var options = new SyntheticDatasetOptions(
                Categories: parse.GetValue(categories), Seed: parse.GetValue(seed), ImageSize: parse.GetValue(size),
                Views: parse.GetValue(views), Subclasses: parse.GetValue(subclasses), Difficulty: parse.GetValue(difficulty));
            try
            {
                options.Validate();
            }
            catch (ArgumentException exception)
            {
                Console.Error.WriteLine(exception.Message);
                return 2;
            }
            var root = parse.GetValue(output)!.FullName;
            var generator = new SyntheticDatasetGenerator(options);
            if (options.Views == 1 && options.Subclasses == 0)
            {
                generator.WriteMvTec(root);
                Console.WriteLine($"wrote an MVTec AD layout with {options.Categories} categories to {root}");
                return 0;
            }
            var paths = generator.Generate(root);
            Console.WriteLine($"MVTec AD layout: {paths.MvTecRoot}");
            if (paths.RealIadRoot is { } realIad) Console.WriteLine($"Real-IAD layout (5 views): {realIad}");
            if (paths.TextureAdRoot is { } textureAd) Console.WriteLine($"Texture-AD layout: {textureAd}");
            return 0;
        });
        return command;
    }
}
