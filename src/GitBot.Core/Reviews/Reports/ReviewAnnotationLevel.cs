namespace GitBot.Core.Reviews.Reports;

/// <summary>A check-run annotation's level (<c>notice</c>, <c>warning</c>, <c>failure</c>).</summary>
public enum ReviewAnnotationLevel
{
    /// <summary><c>notice</c>.</summary>
    Notice,

    /// <summary><c>warning</c>.</summary>
    Warning,

    /// <summary><c>failure</c>.</summary>
    Failure,
}
