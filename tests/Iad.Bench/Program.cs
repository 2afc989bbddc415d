using System.Reflection;
using Iad.Bench;

// Usage: bench [name ...] [--repetitions N]. With no names, runs every benchmark.
var repetitions = 5;
var names = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--repetitions" && i + 1 < args.Length) repetitions = int.Parse(args[++i]);
    else names.Add(args[i]);
}

var benchmarks = Assembly.GetExecutingAssembly().GetTypes()
    .Where(t => typeof(IBenchmark).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
    .Select(t => (IBenchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name, StringComparer.Ordinal)
    .ToList();

var unknown = names.Where(n => benchmarks.All(b => b.Name != n)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"unknown benchmark(s): {string.Join(", ", unknown)}; known: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}

var context = new BenchContext(repetitions, Console.Out);
foreach (var benchmark in benchmarks.Where(b => names.Count == 0 || names.Contains(b.Name)))
{
    Console.WriteLine($"{benchmark.Name}: {benchmark.Description}");
    benchmark.Run(context);
}
return 0;
