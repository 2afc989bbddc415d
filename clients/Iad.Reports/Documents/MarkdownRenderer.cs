using System.Text;

namespace Iad.Reports.Documents;

/// <summary>
/// Renders document blocks as GitHub-flavoured Markdown: ATX headings, pipe tables (with '|' escaped and line breaks
/// turned into spaces), images as <c>![caption](file)</c> followed by the caption in italics.
/// </summary>
public static class MarkdownRenderer
{
    /// <summary>The Markdown text of <paramref name="blocks"/>, ending with a newline.</summary>
    public static string Render(IReadOnlyList<DocumentBlock> blocks)
    {
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append('#', Math.Clamp(h.Level, 1, 6)).Append(' ').Append(Inline(h.Text)).Append("\n\n");
                    break;
                case Paragraph p:
                    sb.Append(Inline(p.Text)).Append("\n\n");
                    break;
                case Table t:
                    AppendRow(sb, t.Columns);
                    sb.Append('|');
                    foreach (var _ in t.Columns) sb.Append(" --- |");
                    sb.Append('\n');
                    foreach (var row in t.Rows) AppendRow(sb, row);
                    sb.Append('\n');
                    break;
                case Figure f:
                    sb.Append("![").Append(Inline(f.Caption)).Append("](").Append(Uri.EscapeDataString(f.FileName)).Append(")\n\n");
                    sb.Append('*').Append(Inline(f.Caption)).Append("*\n\n");
                    break;
                default:
                    throw new ArgumentException($"unknown block type {block.GetType().Name}.", nameof(blocks));
            }
        }
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, IReadOnlyList<string> cells)
    {
        sb.Append('|');
        foreach (var cell in cells) sb.Append(' ').Append(Inline(cell).Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
        sb.Append('\n');
    }

    // Markdown would interpret these characters; escaping them keeps names such as "wide_resnet50_2" literal.
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\r' or '\n') { sb.Append(' '); continue; }
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#') sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
