namespace Iad.Reports.Model;

/// <summary>A free-text remark shown at the end of the report (setting details, caveats, hardware).</summary>
/// <param name="Heading">Short heading, e.g. <c>Hardware</c>.</param>
/// <param name="Text">Plain text; it is escaped, never interpreted as Markdown or HTML.</param>
public sealed record Note(string Heading, string Text);
