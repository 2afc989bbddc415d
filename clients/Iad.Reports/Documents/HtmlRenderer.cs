using System.Net;
using System.Text;

namespace Iad.Reports.Documents;

/// <summary>
/// Renders document blocks as one self-contained HTML5 page: inline CSS only, no scripts, images referenced by
/// relative file name, every text HTML-encoded. The first level-1 heading is also the page title.
/// </summary>
public static class HtmlRenderer
{
    private const string Style =
        "body{font-family:sans-serif;max-width:1250px;margin:2em auto;padding:0 1em;color:#222}" +
        "table{border-collapse:collapse;margin:0.5em 0 1.5em}" +
        "th,td{border:1px solid #bbb;padding:3px 8px;text-align:right}" +
        "th{background:#eee}td:first-child,th:first-child{text-align:left}" +
        "figure{margin:1em 0}figcaption{font-style:italic;color:#555}img{max-width:100%}";

    /// <summary>The HTML text of <paramref name="blocks"/>.</summary>
    public static string Render(IReadOnlyList<DocumentBlock> blocks)
    {
        var title = "Report";
        foreach (var b in blocks)
            if (b is Heading { Level: 1 } h) { title = h.Text; break; }

        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    var level = Math.Clamp(h.Level, 1, 6);
                    sb.Append("<h").Append(level).Append('>').Append(Encode(h.Text)).Append("</h").Append(level).Append(">\n");
                    break;
                case Paragraph p:
                    sb.Append("<p>").Append(Encode(p.Text)).Append("</p>\n");
                    break;
                case Table t:
                    sb.Append("<table>\n<thead><tr>");
                    foreach (var c in t.Columns) sb.Append("<th>").Append(Encode(c)).Append("</th>");
                    sb.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        sb.Append("<tr>");
                        foreach (var c in row) sb.Append("<td>").Append(Encode(c)).Append("</td>");
                        sb.Append("</tr>\n");
                    }
                    sb.Append("</tbody>\n</table>\n");
                    break;
                case Figure f:
                    sb.Append("<figure><img src=\"").Append(Encode(Uri.EscapeDataString(f.FileName))).Append("\" alt=\"")
                        .Append(Encode(f.Caption)).Append("\"><figcaption>").Append(Encode(f.Caption)).Append("</figcaption></figure>\n");
                    break;
                default:
                    throw new ArgumentException($"unknown block type {block.GetType().Name}.", nameof(blocks));
            }
        }
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
