using System.Text.Json.Serialization;

namespace GitBot.GitHub.Models;

/// <summary>
/// Source-generated serialization for every request and response record: snake_case names as GitHub uses, null
/// fields left out of requests (GitHub treats a present <c>null</c> differently from an absent field), unknown
/// response fields ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(GitHubIssue))]
[JsonSerializable(typeof(GitHubIssueComment))]
[JsonSerializable(typeof(List<GitHubIssueComment>))]
[JsonSerializable(typeof(GitHubReaction))]
[JsonSerializable(typeof(List<GitHubLabel>))]
[JsonSerializable(typeof(GitHubPullRequest))]
[JsonSerializable(typeof(List<GitHubPullRequest>))]
[JsonSerializable(typeof(List<GitHubPullRequestFile>))]
[JsonSerializable(typeof(GitHubMergeResult))]
[JsonSerializable(typeof(GitHubReview))]
[JsonSerializable(typeof(List<GitHubReview>))]
[JsonSerializable(typeof(List<GitHubReviewComment>))]
[JsonSerializable(typeof(GitHubCheckRun))]
[JsonSerializable(typeof(GitHubCommitStatus))]
[JsonSerializable(typeof(GitHubCheckRunList))]
[JsonSerializable(typeof(List<GitHubCommitStatusListing>))]
[JsonSerializable(typeof(GitHubCollaboratorPermission))]
[JsonSerializable(typeof(GitHubContent))]
[JsonSerializable(typeof(List<GitHubContent>))]
[JsonSerializable(typeof(GitHubRepository))]
[JsonSerializable(typeof(GitHubInstallationRepositories))]
[JsonSerializable(typeof(GitHubApp))]
[JsonSerializable(typeof(List<HookDelivery>))]
[JsonSerializable(typeof(InstallationAccessToken))]
[JsonSerializable(typeof(CreatePullRequestRequest))]
[JsonSerializable(typeof(UpdatePullRequestRequest))]
[JsonSerializable(typeof(MergePullRequestRequest))]
[JsonSerializable(typeof(CreateReviewRequest))]
[JsonSerializable(typeof(CreateCheckRunRequest))]
[JsonSerializable(typeof(UpdateCheckRunRequest))]
[JsonSerializable(typeof(CreateCommitStatusRequest))]
[JsonSerializable(typeof(WorkflowDispatchRequest))]
[JsonSerializable(typeof(CommentBody))]
[JsonSerializable(typeof(LabelsBody))]
[JsonSerializable(typeof(ReactionBody))]
[JsonSerializable(typeof(DismissReviewBody))]
internal sealed partial class GitHubJsonContext : JsonSerializerContext;
