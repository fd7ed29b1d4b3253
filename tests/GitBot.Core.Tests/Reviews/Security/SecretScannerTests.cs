using GitBot.Core.Reviews.Security;

namespace GitBot.Core.Tests.Reviews.Security;

public sealed class SecretScannerTests
{
    // Built at run time so the repository itself holds no string a secret scanner would flag.
    private static readonly string GitHubClassic = "ghp" + "_" + string.Concat(Enumerable.Repeat("aB3dE5", 6));
    private static readonly string GitHubFineGrained = "github" + "_pat_" + "11ABCDEFG0" + string.Concat(Enumerable.Repeat("xY7_q", 6));
    private static readonly string AwsId = "AKIA" + "IOSFODNN7EXAMPLE";
    private static readonly string AwsSecret = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    private static readonly string Slack = "xoxb" + "-123456789012-abcdefABCDEF";
    private static readonly string Stripe = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dc";
    private static readonly string Anthropic = "sk-ant" + "-api03-" + "abcDEF123ghiJKL456mnoPQR789";
    private static readonly string OpenAi = "sk-" + "proj-" + "abcDEF123ghiJKL456mnoPQR789";
    private static readonly string Generic = "Xk9#mQ2$vL8pR4wZ";

    public static TheoryData<string, string, string, string, string> Positives => new()
    {
        { "src/Config.cs", $"var token = \"{GitHubClassic}\";", SecurityRules.GitHubToken, GitHubClassic, "ghp_…3dE5" },
        { "deploy.sh", $"export GH_TOKEN={GitHubFineGrained}", SecurityRules.GitHubToken, GitHubFineGrained, "gith…xY7_q"[..4] },
        { "config/app.json", $"  \"key\": \"{AwsId}\",", SecurityRules.AwsAccessKeyId, AwsId, "AKIA…MPLE" },
        { "src/aws.py", $"aws_secret_access_key = '{AwsSecret}'", SecurityRules.AwsSecretAccessKey, AwsSecret, "wJal…EKEY" },
        { "keys/id_rsa", "-----BEGIN RSA PRIVATE KEY-----", SecurityRules.PrivateKey, "-----BEGIN RSA PRIVATE KEY-----\nMII", "RSA PRIVATE KEY" },
        { "keys/id", "-----BEGIN OPENSSH PRIVATE KEY-----", SecurityRules.PrivateKey, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3B", "OPENSSH" },
        { "src/slack.ts", $"const slack = '{Slack}';", SecurityRules.SlackToken, Slack, "xoxb…CDEF" },
        { "src/pay.rb", $"Stripe.api_key = \"{Stripe}\"", SecurityRules.StripeKey, Stripe, "sk_l…p7dc" },
        { "src/llm.py", $"client = Anthropic(api_key=\"{Anthropic}\")", SecurityRules.AnthropicKey, Anthropic, "sk-a…R789" },
        { "src/llm.py", $"OPENAI = \"{OpenAi}\"", SecurityRules.OpenAiKey, OpenAi, "sk-p…R789" },
        { "src/Db.cs", $"private const string DbPassword = \"{Generic}\";", SecurityRules.GenericSecret, Generic, "Xk9#…R4wZ" },
        { "config/settings.yaml", "  client_secret: Qm7vL2pR9wZx4Tk8", SecurityRules.GenericSecret, "Qm7vL2pR9wZx4Tk8", "`client_secret`" },
        { ".env.production", "API_KEY=Zx8Qw3Er5Ty7Ui9Op1As", SecurityRules.GenericSecret, "Zx8Qw3Er5Ty7Ui9Op1As", "Zx8Q…Op1As"[..4] },
    };

    [Theory]
    [MemberData(nameof(Positives))]
    public void Secrets_on_added_lines_are_found_on_their_line_without_showing_them(string path, string line, string rule, string secret, string shown)
    {
        var diff = TestDiffs.NewFile(path, "first line", line, "last line");

        var finding = Assert.Single(SecretScanner.Scan(diff));

        Assert.Equal((rule, path, 2, true), (finding.Rule, finding.Path, finding.Line, finding.Blocking));
        Assert.True(finding.Severity >= Severity.High);
        Assert.Contains(shown, finding.Message, StringComparison.Ordinal);
        var bare = secret.Split('\n')[0];
        var hidden = rule == SecurityRules.PrivateKey ? secret : bare;
        Assert.DoesNotContain(hidden, finding.Message + finding.Suggestion, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Positives))]
    public void Removed_and_context_lines_are_never_flagged(string path, string line, string rule, string secret, string shown)
    {
        _ = (rule, secret, shown);
        var diff = TestDiffs.Modified(path, " " + line, "-" + line, "+harmless = 1", " tail");

        Assert.Empty(SecretScanner.Scan(diff));
    }

    [Theory]
    [InlineData("src/a.cs", "password = \"changeme\"")]
    [InlineData("src/a.cs", "var password = \"ChangeMe-Xk9mQ2vL8pR4\";")]
    [InlineData("src/a.cs", "password = \"${DB_PASSWORD_FROM_ENVIRONMENT}\"")]
    [InlineData("src/a.cs", "api_key = \"<your-api-key-goes-here>\"")]
    [InlineData("src/a.cs", "token = \"xxxxxxxxxxxxxxxxxxxxxxxx\"")]
    [InlineData("src/a.cs", "secret = \"aaaaaaaaaaaaaaaaaaaaaaaa\"")]
    [InlineData("src/a.cs", "password = \"passwordpassword\"")]
    [InlineData("src/a.cs", "password = \"Xk9#mQ2$\"")]
    [InlineData("src/a.cs", "if (password == \"Xk9#mQ2$vL8pR4wZ\") {")]
    [InlineData("src/a.cs", "var token = GetTokenFromVaultService(nameOfTheSecret);")]
    [InlineData("src/a.cs", "var token = \"ghp_short\";")]
    [InlineData("src/a.cs", "var id = \"akiaiosfodnn7example\";")]
    [InlineData("keys/pub.pem", "-----BEGIN PUBLIC KEY-----")]
    [InlineData("src/a.py", "model = 'sk-this-is-not-a-key-at-all-really'")]
    [InlineData(".github/workflows/ci.yml", "          token: ${{ secrets.GITHUB_TOKEN }}")]
    [InlineData("config/app.yaml", "  password: {{ .Values.databasePassword }}")]
    [InlineData("src/a.cs", "token_url = \"https://login.example.org/oauth2/v2.0/token\"")]
    [InlineData("src/a.cs", "password = \"correct horse battery staple\"")]
    public void Placeholders_and_non_secrets_are_not_flagged(string path, string line)
    {
        Assert.Empty(SecretScanner.Scan(TestDiffs.NewFile(path, line)));
    }

    [Fact]
    public void A_known_token_in_an_assignment_is_reported_once_under_its_own_rule()
    {
        var findings = SecretScanner.Scan(TestDiffs.NewFile("src/a.cs", $"github_token = \"{GitHubClassic}\"", $"aws_secret_key = \"{AwsSecret}\""));

        Assert.Equal([(SecurityRules.GitHubToken, 1), (SecurityRules.AwsSecretAccessKey, 2)], findings.Select(f => (f.Rule, f.Line!.Value)));
    }

    [Fact]
    public void Every_occurrence_on_every_added_line_is_reported()
    {
        var findings = SecretScanner.Scan(TestDiffs.Modified("src/keys.txt", " x", $"+{AwsId} {AwsId}", " y", $"+id={AwsId}"));

        Assert.Equal([11, 11, 13], findings.Select(f => f.Line!.Value));
    }
}
