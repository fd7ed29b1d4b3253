namespace GitBot.Core.Reviews.Diffs;

/// <summary>Collects one file of a diff while <see cref="UnifiedDiffParser"/> reads it line by line.</summary>
internal sealed class DiffFileBuilder((string? Old, string? New)? gitHeaderPaths)
{
    private readonly List<DiffHunk> _hunks = [];
    private List<DiffLine>? _lines;
    private int _oldStart, _oldCount, _newStart, _newCount, _oldNext, _newNext, _oldLeft, _newLeft;
    private string _section = string.Empty;
    private string? _oldHeader, _newHeader, _renameFrom, _renameTo, _oldMode, _newMode;
    private bool _oldIsNull, _newIsNull, _isNew, _isDeleted, _isRename, _isCopy, _isBinary;

    public bool HasHunks => _hunks.Count > 0 || _lines is not null;

    public bool SawOldHeader { get; private set; }

    /// <summary>Inside a <c>GIT binary patch</c> payload, which runs until the next <c>diff</c> line.</summary>
    public bool InBinaryPatch { get; private set; }

    public void StartHunk(int oldStart, int oldCount, int newStart, int newCount, string section)
    {
        FlushHunk();
        (_oldStart, _oldCount, _newStart, _newCount, _section) = (oldStart, oldCount, newStart, newCount, section);
        (_oldNext, _newNext, _oldLeft, _newLeft) = (oldStart, newStart, oldCount, newCount);
        _lines = [];
    }

    /// <summary>Consumes <paramref name="line"/> when it belongs to the open hunk; false ends the hunk.</summary>
    public bool TryAddHunkLine(string line)
    {
        if (_lines is null)
        {
            return false;
        }

        if (line.StartsWith('\\'))
        {
            // "\ No newline at end of file" (localized by some gits): it qualifies the line before it.
            if (_lines.Count > 0)
            {
                _lines[^1] = _lines[^1] with { NoNewlineAtEnd = true };
            }

            return true;
        }

        var prefix = line.Length == 0 ? ' ' : line[0];
        var text = line.Length == 0 ? string.Empty : line[1..];
        switch (prefix)
        {
            case ' ' when _oldLeft > 0 && _newLeft > 0:
                _lines.Add(new DiffLine(DiffLineKind.Context, text, _oldNext++, _newNext++));
                _oldLeft--;
                _newLeft--;
                return true;
            case '+' when _newLeft > 0:
                _lines.Add(new DiffLine(DiffLineKind.Added, text, null, _newNext++));
                _newLeft--;
                return true;
            case '-' when _oldLeft > 0:
                _lines.Add(new DiffLine(DiffLineKind.Removed, text, _oldNext++, null));
                _oldLeft--;
                return true;
            default:
                FlushHunk();
                return false;
        }
    }

    public void SetOldHeader(string? path)
    {
        SawOldHeader = true;
        _oldHeader = path;
        _oldIsNull = path is null;
    }

    public void SetNewHeader(string? path)
    {
        _newHeader = path;
        _newIsNull = path is null;
    }

    public void AddExtendedHeader(string line)
    {
        if (TryValue(line, "old mode ", out var value) || TryValue(line, "deleted file mode ", out value))
        {
            _oldMode = value;
            _isDeleted |= line.StartsWith('d');
        }
        else if (TryValue(line, "new mode ", out value) || TryValue(line, "new file mode ", out value))
        {
            _newMode = value;
            _isNew |= line.StartsWith("new file", StringComparison.Ordinal);
        }
        else if (TryValue(line, "rename from ", out value) || TryValue(line, "copy from ", out value))
        {
            _renameFrom = DiffPaths.Unquote(value);
            _isRename |= line.StartsWith('r');
            _isCopy |= line.StartsWith('c');
        }
        else if (TryValue(line, "rename to ", out value) || TryValue(line, "copy to ", out value))
        {
            _renameTo = DiffPaths.Unquote(value);
        }
        else if (TryValue(line, "index ", out value))
        {
            // "index abc..def 100644": the mode when it did not change.
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0)
            {
                _oldMode ??= value[(space + 1)..];
                _newMode ??= value[(space + 1)..];
            }
        }
        else if (line.StartsWith("Binary files ", StringComparison.Ordinal))
        {
            _isBinary = true;
        }
        else if (line.StartsWith("GIT binary patch", StringComparison.Ordinal))
        {
            _isBinary = true;
            InBinaryPatch = true;
        }
    }

    public DiffFile Build()
    {
        FlushHunk();
        var added = _isNew || _oldIsNull;
        var removed = !added && (_isDeleted || _newIsNull);
        var oldPath = added ? null : _renameFrom ?? _oldHeader ?? gitHeaderPaths?.Old ?? _newHeader;
        var newPath = removed ? null : _renameTo ?? _newHeader ?? gitHeaderPaths?.New ?? _oldHeader;
        var status = added ? DiffFileStatus.Added
            : removed ? DiffFileStatus.Removed
            : _isRename ? DiffFileStatus.Renamed
            : _isCopy ? DiffFileStatus.Copied
            : DiffFileStatus.Modified;
        return new DiffFile(oldPath, newPath, status, _isBinary, added ? null : _oldMode, removed ? null : _newMode, _hunks.ToArray());
    }

    private void FlushHunk()
    {
        if (_lines is null)
        {
            return;
        }

        _hunks.Add(new DiffHunk(_oldStart, _oldCount, _newStart, _newCount, _section, _lines.ToArray()));
        _lines = null;
    }

    private static bool TryValue(string line, string prefix, out string value)
    {
        value = line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..].Trim() : string.Empty;
        return value.Length > 0;
    }
}
