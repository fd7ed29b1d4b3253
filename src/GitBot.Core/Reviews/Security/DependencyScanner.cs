using GitBot.Core.Reviews.Diffs;

namespace GitBot.Core.Reviews.Security;

/// <summary>
/// Reports dependency changes: one Low, non-blocking finding per dependency a manifest adds or re-versions (MSBuild
/// <c>PackageReference</c>/<c>PackageVersion</c> in project files and <c>Directory.Packages.props</c>,
/// <c>package.json</c> dependency sections, <c>requirements*.txt</c>, <c>go.mod</c>, <c>Cargo.toml</c>), on the added
/// line; and a Medium, non-blocking finding per lockfile changed with no manifest of its ecosystem changed (a
/// lockfile-only diff can swap what gets installed without any visible reason).
/// <para>
/// A dependency is "changed" when a removed line of the same file declared it with another version; an added line
/// that re-declares a removed one with the same version (a move or reformat) is not reported. Removed dependencies
/// are not reported.
/// </para>
/// </summary>
public static class DependencyScanner
{
    private static readonly (string Ecosystem, string[] Names)[] Lockfiles =
    [
        ("NuGet", ["packages.lock.json"]),
        ("npm", ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"]),
        ("PyPI", ["Pipfile.lock", "poetry.lock", "uv.lock"]),
        ("Go", ["go.sum"]),
        ("Cargo", ["Cargo.lock"]),
    ];

    // Manifests the line readers do not parse but whose change explains a lockfile change.
    private static readonly (string Ecosystem, string Name)[] OtherManifests =
        [("NuGet", "packages.config"), ("PyPI", "pyproject.toml"), ("PyPI", "Pipfile"), ("PyPI", "setup.py"), ("PyPI", "setup.cfg")];

    /// <summary>Findings in diff order.</summary>
    public static IReadOnlyList<SecurityFinding> Scan(ParsedDiff diff)
    {
        var findings = new List<SecurityFinding>();
        var manifestEcosystems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in diff.Files)
        {
            foreach (var path in new[] { file.OldPath, file.NewPath }.OfType<string>())
            {
                var name = FileName(path);
                if (ManifestReader.For(name) is { } manifest)
                {
                    manifestEcosystems.Add(manifest.Ecosystem);
                }

                manifestEcosystems.UnionWith(OtherManifests.Where(m => m.Name == name).Select(m => m.Ecosystem));
            }

            if (file.NewPath is not null && ManifestReader.For(FileName(file.NewPath)) is { } reader)
            {
                ScanManifest(file, reader.Ecosystem, reader.Create, findings);
            }
        }

        foreach (var file in diff.Files)
        {
            var lockfile = Lockfiles.FirstOrDefault(l => l.Names.Contains(FileName(file.Path), StringComparer.Ordinal));
            if (lockfile.Ecosystem is not null && !manifestEcosystems.Contains(lockfile.Ecosystem))
            {
                findings.Add(new SecurityFinding(SecurityRules.LockfileOnly, Severity.Medium, file.Path, null,
                    $"The lockfile `{file.Path}` changes but no {lockfile.Ecosystem} manifest does.",
                    "Check that every changed package, version, source URL and integrity hash is expected; regenerate the lockfile from the manifest if unsure.",
                    Blocking: false));
            }
        }

        return findings;
    }

    private static void ScanManifest(DiffFile file, string ecosystem, Func<ManifestReader> create, List<SecurityFinding> findings)
    {
        var removed = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        var added = new List<(DeclaredDependency Dependency, int Line)>();
        foreach (var hunk in file.Hunks)
        {
            var oldSide = create();
            var newSide = create();
            foreach (var line in hunk.Lines)
            {
                var before = line.Kind == DiffLineKind.Added ? null : oldSide.Read(line.Text);
                var after = line.Kind == DiffLineKind.Removed ? null : newSide.Read(line.Text);
                if (line.Kind == DiffLineKind.Removed && before is { } gone)
                {
                    if (!removed.TryGetValue(gone.Name, out var versions))
                    {
                        removed[gone.Name] = versions = [];
                    }

                    versions.Add(gone.Version);
                }
                else if (line.Kind == DiffLineKind.Added && after is { } come)
                {
                    added.Add((come, line.NewLine!.Value));
                }
            }
        }

        foreach (var (dependency, line) in added)
        {
            string message;
            if (removed.TryGetValue(dependency.Name, out var previous))
            {
                if (previous.Contains(dependency.Version, StringComparer.Ordinal))
                {
                    continue;
                }

                message = $"{ecosystem} dependency `{dependency.Name}` changes from {string.Join(", ", previous.Select(Describe))} to {Describe(dependency.Version)}.";
            }
            else
            {
                message = $"New {ecosystem} dependency `{dependency.Name}` {Describe(dependency.Version)}.";
            }

            findings.Add(new SecurityFinding(SecurityRules.DependencyChanged, Severity.Low, file.Path, line, message,
                "Check that it is the intended package (exact name and publisher), that the version is needed, and its licence and known advisories.",
                Blocking: false));
        }
    }

    private static string Describe(string version) => version.Length == 0 ? "(no version given here)" : $"`{version}`";

    private static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];
}
