using GitBot.GitHub.Http;

namespace GitBot.GitHub.Tests.Http;

public sealed class LinkHeaderParserTests
{
    [Fact]
    public void Parses_every_relation_of_a_github_link_header()
    {
        const string header = "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", " +
                              "<https://api.github.com/repositories/1/issues?page=5>; rel=\"last\", " +
                              "<https://api.github.com/repositories/1/issues?page=1>; rel=\"first\"";

        var links = LinkHeaderParser.Parse(header);

        Assert.Equal(new Uri("https://api.github.com/repositories/1/issues?page=2"), links["next"]);
        Assert.Equal(new Uri("https://api.github.com/repositories/1/issues?page=5"), links["last"]);
        Assert.Equal(new Uri("https://api.github.com/repositories/1/issues?page=1"), links["first"]);
    }

    [Fact]
    public void Cursor_links_keep_their_query_and_commas_inside_urls_do_not_split()
    {
        const string header = "<https://api.github.com/app/hook/deliveries?per_page=2&cursor=v1_12,34>; rel=\"next\"";

        Assert.Equal(new Uri("https://api.github.com/app/hook/deliveries?per_page=2&cursor=v1_12,34"), LinkHeaderParser.FindNext(header));
    }

    [Fact]
    public void Last_page_has_no_next()
    {
        Assert.Null(LinkHeaderParser.FindNext("<https://api.github.com/x?page=1>; rel=\"prev\", <https://api.github.com/x?page=1>; rel=\"first\""));
        Assert.Null(LinkHeaderParser.FindNext(null));
        Assert.Null(LinkHeaderParser.FindNext(""));
    }

    [Fact]
    public void Unquoted_and_multiple_rel_values_are_understood()
    {
        var links = LinkHeaderParser.Parse("<https://h/a>; rel=next, <https://h/b>; rel=\"prev first\"");

        Assert.Equal(new Uri("https://h/a"), links["next"]);
        Assert.Equal(new Uri("https://h/b"), links["prev"]);
        Assert.Equal(new Uri("https://h/b"), links["first"]);
    }
}
