namespace GitBot.Workflows.Plans;

/// <summary>An <c>owner/name</c> repository name split in two.</summary>
public readonly record struct RepositoryName(string Owner, string Name)
{
    public static RepositoryName Parse(string fullName)
    {
        ArgumentNullException.ThrowIfNull(fullName);
        var slash = fullName.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == fullName.Length - 1
            ? throw new ArgumentException($"'{fullName}' is not an owner/name repository name.", nameof(fullName))
            : new RepositoryName(fullName[..slash], fullName[(slash + 1)..]);
    }

    public override string ToString() => $"{Owner}/{Name}";
}
