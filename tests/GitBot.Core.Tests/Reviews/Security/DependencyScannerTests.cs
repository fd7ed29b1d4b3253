using GitBot.Core.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Security;

public sealed class DependencyScannerTests
{
    public static TheoryData<string, string[], string[]> Manifests => new()
    {
        {
            "src/App/App.csproj",
            ["   <ItemGroup>", "+    <PackageReference Include=\"Newtonsoft.Json\" Version=\"13.0.3\" />", "+    <PackageReference Include=\"Central.Pkg\" />", "     <Compile Include=\"x.cs\" />"],
            ["11 New NuGet dependency `Newtonsoft.Json` `13.0.3`.", "12 New NuGet dependency `Central.Pkg` (no version given here)."]
        },
        {
            "Directory.Packages.props",
            ["-    <PackageVersion Include=\"Serilog\" Version=\"3.1.0\" />", "+    <PackageVersion Include=\"Serilog\" Version=\"4.0.0\" />", "     <PackageVersion Include=\"Dapper\" Version=\"2.1.0\" />"],
            ["10 NuGet dependency `Serilog` changes from `3.1.0` to `4.0.0`."]
        },
        {
            "web/package.json",
            ["   \"scripts\": {", "+    \"postinstall\": \"node x.js\",", "     \"build\": \"tsc\"", "   },", "   \"dependencies\": {", "+    \"left-pad\": \"^1.3.0\",", "     \"react\": \"18.2.0\"", "   },", "   \"devDependencies\": {", "-    \"jest\": \"29.0.0\"", "+    \"jest\": \"29.7.0\"", "   }"],
            ["15 New npm dependency `left-pad` `^1.3.0`.", "19 npm dependency `jest` changes from `29.0.0` to `29.7.0`."]
        },
        {
            "package.json",
            ["     \"react\": \"18.2.0\",", "+    \"lodash\": \"4.17.21\",", "+    \"version\": \"2.0.0\",", "+    \"main\": \"index.js\""],
            ["11 New npm dependency `lodash` `4.17.21`."]
        },
        {
            "requirements-dev.txt",
            [" flask==3.0.0", "+requests[socks]>=2.31.0,<3 ; python_version >= \"3.8\"", "+# a comment", "+-r base.txt", "+--index-url https://pypi.example.org/simple", "+", "+numpy"],
            ["11 New PyPI dependency `requests` `>=2.31.0,<3`.", "16 New PyPI dependency `numpy` (no version given here)."]
        },
        {
            "go.mod",
            [" module example.com/app", " ", " require (", "-\tgithub.com/pkg/errors v0.9.0", "+\tgithub.com/pkg/errors v0.9.1", "+\tgolang.org/x/text v0.14.0 // indirect", " )", "+replace github.com/a/b => github.com/evil/b v1.0.0", "+go 1.22"],
            ["13 Go dependency `github.com/pkg/errors` changes from `v0.9.0` to `v0.9.1`.", "14 New Go dependency `golang.org/x/text` `v0.14.0`.", "16 New Go dependency `github.com/evil/b` `v1.0.0`."]
        },
        {
            "crates/core/Cargo.toml",
            [" [package]", "+version = \"0.2.0\"", "+edition = \"2021\"", " ", " [dependencies]", "+serde = \"1.0\"", "+tokio = { version = \"1.35\", features = [\"full\"] }", "+mine = { path = \"../mine\" }", " [dependencies.regex]", "+version = \"1.10\""],
            ["15 New Cargo dependency `serde` `1.0`.", "16 New Cargo dependency `tokio` `1.35`.", "17 New Cargo dependency `mine` `path`.", "19 New Cargo dependency `regex` `1.10`."]
        },
    };

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Added_and_changed_dependencies_are_reported_on_their_line(string path, string[] body, string[] expected)
    {
        var findings = DependencyScanner.Scan(TestDiffs.Modified(path, body));

        Assert.Equal(expected, findings.Select(f => $"{f.Line} {f.Message}"));
        Assert.All(findings, f => Assert.Equal((SecurityRules.DependencyChanged, Severity.Low, false, path), (f.Rule, f.Severity, f.Blocking, f.Path)));
    }

    [Theory]
    [InlineData("src/App.csproj", "    <PackageReference Include=\"Dapper\" Version=\"2.1.0\" />")]
    [InlineData("package.json", "    \"react\": \"18.2.0\",")]
    [InlineData("requirements.txt", "flask==3.0.0")]
    public void Moved_or_removed_dependencies_are_not_reported(string path, string line)
    {
        Assert.Empty(DependencyScanner.Scan(TestDiffs.Modified(path, "-" + line, " unrelated", "+" + line, "-" + line.Replace("2", "9", StringComparison.Ordinal))));
    }

    [Fact]
    public void Dependency_lines_in_files_that_are_not_manifests_are_ignored()
    {
        Assert.Empty(DependencyScanner.Scan(TestDiffs.Modified("docs/install.md", "+<PackageReference Include=\"X\" Version=\"1\" />", "+requests==2.0")));
    }

    [Theory]
    [InlineData("package-lock.json", null, true)]
    [InlineData("web/yarn.lock", null, true)]
    [InlineData("pnpm-lock.yaml", "web/package.json", false)]
    [InlineData("Cargo.lock", null, true)]
    [InlineData("go.sum", "package.json", true)]
    [InlineData("go.sum", "go.mod", false)]
    [InlineData("src/packages.lock.json", "src/App.csproj", false)]
    [InlineData("src/packages.lock.json", null, true)]
    [InlineData("poetry.lock", "pyproject.toml", false)]
    public void Lockfile_changes_without_a_manifest_change_are_medium(string lockfile, string? manifest, bool flagged)
    {
        var parts = new List<string> { TestDiffs.ModifiedText(lockfile, " a", "-b", "+c") };
        if (manifest is not null)
        {
            parts.Add(TestDiffs.ModifiedText(manifest, " a", "+b"));
        }

        var lockFindings = DependencyScanner.Scan(TestDiffs.Combine([.. parts])).Where(f => f.Rule == SecurityRules.LockfileOnly).ToArray();

        Assert.Equal(flagged ? [(lockfile, Severity.Medium, (int?)null)] : [], lockFindings.Select(f => (f.Path, f.Severity, f.Line)));
    }
}
