using GitBot.Agents.Configuration;
using GitBot.Core.Configuration;

namespace GitBot.Agents.Tests.Configuration;

internal static class ConfigTestFiles
{
    public static RepoConfigParseResult ParseYml(string yml) =>
        RepoConfigParser.Parse(new Dictionary<string, string> { [RepoConfigFiles.ConfigPath] = yml });

    public static RepoConfigParseResult Parse(params (string Path, string Text)[] files) =>
        RepoConfigParser.Parse(files.ToDictionary(f => f.Path, f => f.Text));

    public static RepoConfig Valid(RepoConfigParseResult result)
    {
        Assert.True(result.Problems.Count == 0, string.Join("\n", result.Problems));
        Assert.NotNull(result.Config);
        return result.Config;
    }

    public static ConfigProblem SingleProblem(RepoConfigParseResult result)
    {
        Assert.Null(result.Config);
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }
}
