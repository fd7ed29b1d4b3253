namespace GitBot.Simulator.OpenApi;

/// <summary>One reason a value does not fit its schema, in GitHub's error vocabulary (<c>missing_field</c>, <c>invalid</c>).</summary>
internal sealed record SchemaViolation(string Field, string Code, string Message);
