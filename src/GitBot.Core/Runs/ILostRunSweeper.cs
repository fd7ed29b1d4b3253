namespace GitBot.Core.Runs;

/// <summary>
/// Finishes runs whose process died with them. A run stays <c>Running</c> when its node is killed; the sweep marks it
/// <see cref="LostState"/>. Guarantees: only runs that are still <c>Running</c>, started before
/// <c>now − livenessWindow</c>, and whose node has no alive <c>worker_nodes</c> row (last seen within the window and not
/// stopped) are touched; each is finished once (idempotent: a second sweep changes nothing); a run finished normally
/// meanwhile is never overwritten.
/// </summary>
public interface ILostRunSweeper
{
    /// <summary>The state a swept run ends in.</summary>
    const string LostState = "Lost";

    /// <summary>Marks lost runs <see cref="LostState"/> with exit reason "node &lt;n&gt; stopped checking in"; returns how many.</summary>
    Task<int> FinishLostAsync(DateTimeOffset now, TimeSpan livenessWindow, CancellationToken cancellationToken);
}
