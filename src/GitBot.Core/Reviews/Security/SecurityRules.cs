namespace GitBot.Core.Reviews.Security;

/// <summary>The rule ids of <see cref="SecurityFinding.Rule"/>. Stable: check annotations and tests refer to them.</summary>
public static class SecurityRules
{
    public const string GitHubToken = "secrets/github-token";
    public const string AwsAccessKeyId = "secrets/aws-access-key-id";
    public const string AwsSecretAccessKey = "secrets/aws-secret-access-key";
    public const string PrivateKey = "secrets/private-key";
    public const string SlackToken = "secrets/slack-token";
    public const string StripeKey = "secrets/stripe-key";
    public const string AnthropicKey = "secrets/anthropic-key";
    public const string OpenAiKey = "secrets/openai-key";
    public const string GenericSecret = "secrets/generic-assignment";
    public const string WorkflowChanged = "workflows/changed";
    public const string PullRequestTarget = "workflows/pull-request-target";
    public const string ScriptInjection = "workflows/script-injection";
    public const string DependencyChanged = "dependencies/changed";
    public const string LockfileOnly = "dependencies/lockfile-only";
    public const string CodeOwnersChanged = "codeowners/changed";
}
