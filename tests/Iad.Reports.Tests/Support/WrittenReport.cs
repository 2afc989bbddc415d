namespace Iad.Reports.Tests.Support;

/// <summary>Writes <see cref="SampleReports.TwoMethods"/> once for all tests of a class.</summary>
public sealed class WrittenReport : IDisposable
{
    private readonly TempFolder _folder = new();

    public WrittenReport()
    {
        Files = ReportWriter.Write(SampleReports.TwoMethods(), _folder.Path);
        Markdown = File.ReadAllText(System.IO.Path.Combine(_folder.Path, ReportWriter.MarkdownFileName));
        Html = File.ReadAllText(System.IO.Path.Combine(_folder.Path, ReportWriter.HtmlFileName));
    }

    public string Folder => _folder.Path;
    public IReadOnlyList<string> Files { get; }
    public string Markdown { get; }
    public string Html { get; }

    public void Dispose() => _folder.Dispose();
}
