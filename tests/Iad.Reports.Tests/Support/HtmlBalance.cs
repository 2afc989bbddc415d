using System.Text.RegularExpressions;

namespace Iad.Reports.Tests.Support;

/// <summary>Checks that every non-void HTML element is closed in order, and that the page has one html/head/body.</summary>
public static partial class HtmlBalance
{
    private static readonly HashSet<string> Void = ["meta", "img", "br", "hr", "link", "input"];

    [GeneratedRegex("<(/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*>")]
    private static partial Regex Tag();

    public static void AssertBalanced(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        var stack = new Stack<string>();
        foreach (Match m in Tag().Matches(html))
        {
            var name = m.Groups[2].Value.ToLowerInvariant();
            if (Void.Contains(name)) continue;
            if (m.Groups[1].Value.Length == 0) { stack.Push(name); continue; }
            Assert.True(stack.Count > 0, $"closing </{name}> at {m.Index} has no opening tag.");
            Assert.Equal(stack.Pop(), name);
        }
        Assert.Empty(stack);
        foreach (var once in new[] { "<html", "<head>", "<body>" })
            Assert.Single(Regex.Matches(html, Regex.Escape(once)));
    }
}
