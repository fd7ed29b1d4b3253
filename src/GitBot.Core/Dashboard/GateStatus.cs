namespace GitBot.Core.Dashboard;

/// <summary>The gate as the dashboard shows it (<c>data-gate</c>).</summary>
public enum GateStatus
{
    /// <summary>Some check has not finished, or there are none yet.</summary>
    Pending,

    /// <summary>Every review check of the head passed.</summary>
    Success,

    /// <summary>Some review check of the head did not pass.</summary>
    Failure,
}
