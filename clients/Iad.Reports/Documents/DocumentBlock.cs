namespace Iad.Reports.Documents;

/// <summary>
/// One block of a format-neutral report document; <see cref="MarkdownRenderer"/> and <see cref="HtmlRenderer"/> turn the
/// same blocks into <c>report.md</c> and <c>report.html</c>. All text is plain and escaped by the renderer.
/// </summary>
public abstract record DocumentBlock;

/// <summary>A heading of <paramref name="Level"/> 1–3.</summary>
public sealed record Heading(int Level, string Text) : DocumentBlock;

/// <summary>A paragraph of plain text.</summary>
public sealed record Paragraph(string Text) : DocumentBlock;

/// <summary>A table; every row has as many cells as <paramref name="Columns"/>.</summary>
public sealed record Table(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : DocumentBlock;

/// <summary>An image file in the report folder, referenced by its relative <paramref name="FileName"/>.</summary>
public sealed record Figure(string FileName, string Caption) : DocumentBlock;
