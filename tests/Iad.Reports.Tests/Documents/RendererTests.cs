using Iad.Reports.Documents;
using Iad.Reports.Tests.Support;

namespace Iad.Reports.Tests.Documents;

public sealed class RendererTests
{
    private static readonly DocumentBlock[] Blocks =
    [
        new Heading(1, "A <b> & c"),
        new Paragraph("line1\nline2 *x*"),
        new Table(["k", "v"], [["a|b", "<script>"]]),
        new Figure("plot one.png", "caption \"q\""),
    ];

    [Fact]
    public void Markdown_escapes_table_pipes_and_emphasis()
    {
        var md = MarkdownRenderer.Render(Blocks);
        Assert.Contains("# A \\<b\\> & c\n", md, StringComparison.Ordinal);
        Assert.Contains("line1 line2 \\*x\\*", md, StringComparison.Ordinal);
        Assert.Contains("| a\\|b | \\<script\\> |", md, StringComparison.Ordinal);
        Assert.Contains("](plot%20one.png)", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_encodes_text_and_uses_the_first_heading_as_title()
    {
        var html = HtmlRenderer.Render(Blocks);
        HtmlBalance.AssertBalanced(html);
        Assert.Contains("<title>A &lt;b&gt; &amp; c</title>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;script&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"plot%20one.png\" alt=\"caption &quot;q&quot;\">", html, StringComparison.Ordinal);
    }
}
