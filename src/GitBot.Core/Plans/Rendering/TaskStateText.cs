namespace GitBot.Core.Plans.Rendering;

/// <summary>How states look in comments: an emoji and a word, and the Mermaid class of a task node.</summary>
internal static class TaskStateText
{
    public static string Emoji(TaskState state) => state switch
    {
        TaskState.Pending => "⏳",
        TaskState.Ready => "🕒",
        TaskState.Running => "🔄",
        TaskState.Succeeded => "✅",
        TaskState.Failed => "❌",
        TaskState.Cancelled => "🚫",
        TaskState.Blocked => "⛔",
        TaskState.NeedsHuman => "🙋",
        _ => "❔",
    };

    public static string Word(TaskState state) => state switch
    {
        TaskState.Pending => "pending",
        TaskState.Ready => "queued",
        TaskState.Running => "running",
        TaskState.Succeeded => "succeeded",
        TaskState.Failed => "failed",
        TaskState.Cancelled => "cancelled",
        TaskState.Blocked => "blocked",
        TaskState.NeedsHuman => "needs a human",
        _ => "unknown",
    };

    public static string Label(TaskState state) => Emoji(state) + " " + Word(state);

    public static string ClassName(TaskState state) => state.ToString().ToLowerInvariant();

    public static string ClassStyle(TaskState state) => state switch
    {
        TaskState.Pending => "fill:#f6f8fa,stroke:#8c959f,color:#24292f",
        TaskState.Ready => "fill:#ddf4ff,stroke:#54aeff,color:#24292f",
        TaskState.Running => "fill:#fff8c5,stroke:#d4a72c,color:#24292f",
        TaskState.Succeeded => "fill:#dafbe1,stroke:#2da44e,color:#24292f",
        TaskState.Failed => "fill:#ffebe9,stroke:#cf222e,color:#24292f",
        TaskState.Cancelled => "fill:#eaeef2,stroke:#6e7781,color:#24292f",
        TaskState.Blocked => "fill:#fff1e5,stroke:#bc4c00,color:#24292f",
        _ => "fill:#fbefff,stroke:#8250df,color:#24292f",
    };

    public static bool HasReason(TaskState state) =>
        state is TaskState.Failed or TaskState.Blocked or TaskState.NeedsHuman or TaskState.Cancelled;

    public static string Plan(PlanState state) => state switch
    {
        PlanState.Planning => "📝 planning",
        PlanState.AwaitingApproval => "⏸️ awaiting approval",
        PlanState.Running => "🔄 running",
        PlanState.Succeeded => "✅ succeeded",
        PlanState.Failed => "❌ failed",
        PlanState.Cancelled => "🚫 cancelled",
        _ => "unknown",
    };
}
