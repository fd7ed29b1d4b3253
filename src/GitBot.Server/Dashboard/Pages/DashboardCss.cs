namespace GitBot.Server.Dashboard.Pages;

/// <summary>
/// The inline style sheet. Text is #1a1a1a (or #0b4f8a for links) on white or on light state tints, all at least 7:1;
/// state borders are dark enough (≥ 4.5:1 on white) to read as outlines. No external fonts or files.
/// </summary>
internal static class DashboardCss
{
    public const string Text =
        "*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a;background:#fff}" +
        "a{color:#0b4f8a}a:focus,button:focus{outline:3px solid #0b4f8a;outline-offset:2px}" +
        ".skip{position:absolute;left:-999px;top:0;background:#fff;padding:8px}.skip:focus{left:8px}" +
        "header{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;padding:8px 16px;border-bottom:1px solid #8a8a8a}" +
        "header p{margin:0}main{padding:16px;max-width:1200px;margin:0 auto}h1{font-size:1.5rem;margin:.5rem 0}h2{font-size:1.2rem;margin:1.5rem 0 .5rem}" +
        ".scroll{overflow-x:auto;max-width:100%}table{border-collapse:collapse;min-width:100%}caption{text-align:left;font-weight:600;padding:4px 0}" +
        "th,td{border-bottom:1px solid #c4c4c4;padding:6px 8px;text-align:left;vertical-align:top}th{background:#f2f2f2}" +
        "td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}" +
        "figure{margin:1rem 0}figcaption{font-weight:600}svg{max-width:100%;height:auto}svg text{fill:#1a1a1a;font-size:13px}" +
        ".edge{fill:none;stroke:#4d4d4d;stroke-width:1.5}.bar{fill:#0b4f8a}" +
        "pre{background:#f7f7f7;border:1px solid #c4c4c4;padding:8px;overflow:auto;max-height:70vh;white-space:pre-wrap;word-break:break-word}" +
        ".legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:8px 16px}.legend span.swatch{display:inline-block;width:14px;height:14px;border:2px solid;margin-right:4px;vertical-align:middle}" +
        "rect.state-Pending,span.state-Pending{fill:#f2f2f2;background:#f2f2f2;stroke:#595959;border-color:#595959}" +
        "rect.state-Ready,span.state-Ready{fill:#e8f0fe;background:#e8f0fe;stroke:#1a56db;border-color:#1a56db}" +
        "rect.state-Running,span.state-Running{fill:#fff4ce;background:#fff4ce;stroke:#8a6100;border-color:#8a6100}" +
        "rect.state-Succeeded,span.state-Succeeded{fill:#e6f4ea;background:#e6f4ea;stroke:#137333;border-color:#137333}" +
        "rect.state-Failed,span.state-Failed{fill:#fce8e6;background:#fce8e6;stroke:#b3261e;border-color:#b3261e}" +
        "rect.state-Cancelled,span.state-Cancelled{fill:#eeeeee;background:#eeeeee;stroke:#5f6368;border-color:#5f6368}" +
        "rect.state-Blocked,span.state-Blocked{fill:#fde7d9;background:#fde7d9;stroke:#9c4400;border-color:#9c4400}" +
        "rect.state-NeedsHuman,span.state-NeedsHuman{fill:#f3e8fd;background:#f3e8fd;stroke:#6f2da8;border-color:#6f2da8}" +
        "rect[class^=state-]{stroke-width:2}" +
        "[data-gate=success]{color:#137333}[data-gate=failure]{color:#b3261e}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{font-weight:600}dd{margin:0}" +
        "@media (max-width:600px){main{padding:8px}th,td{padding:4px}}";
}
