using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace GitBot.Architecture.Tests;

/// <summary>Reads an assembly's references straight from its metadata, without loading it.</summary>
internal static class AssemblyInspector
{
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["GitBot.Core"] = "GitBot.Core.dll",
        ["GitBot.GitHub"] = "GitBot.GitHub.dll",
        ["GitBot.Git"] = "GitBot.Git.dll",
        ["GitBot.Agents"] = "GitBot.Agents.dll",
        ["GitBot.Storage"] = "GitBot.Storage.dll",
        ["GitBot.Workflows"] = "GitBot.Workflows.dll",
        ["GitBot.Server"] = "GitBot.Server.dll",
        ["GitBot.Cli"] = "gitbot.dll",
        ["GitBot.Simulator"] = "GitBot.Simulator.dll",
    };

    public static IReadOnlyList<string> ReferencedAssemblies(string project) =>
        Read(project, reader => reader.AssemblyReferences
            .Select(h => reader.GetString(reader.GetAssemblyReference(h).Name))
            .ToList());

    /// <summary>Full names (namespace.name) of every type the assembly refers to in other assemblies.</summary>
    public static IReadOnlyList<string> ReferencedTypes(string project) =>
        Read(project, reader => reader.TypeReferences
            .Select(h => reader.GetTypeReference(h))
            .Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}")
            .Distinct()
            .ToList());

    /// <summary>GitBot assemblies the project really references (the compiler drops unused project references).</summary>
    public static IReadOnlyList<string> GitBotReferences(string project) =>
        ReferencedAssemblies(project)
            .Select(a => Projects.FirstOrDefault(p => string.Equals(Path.GetFileNameWithoutExtension(p.Value), a, StringComparison.Ordinal)).Key)
            .OfType<string>()
            .ToList();

    private static T Read<T>(string project, Func<MetadataReader, T> read)
    {
        var path = Path.Combine(AppContext.BaseDirectory, Projects[project]);
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return read(pe.GetMetadataReader());
    }
}
