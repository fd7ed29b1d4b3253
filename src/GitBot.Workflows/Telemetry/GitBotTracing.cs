using GitBot.Core.Observability;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GitBot.Workflows.Telemetry;

/// <summary>
/// Exports GitBot's traces over OTLP when <c>Telemetry:OtlpEndpoint</c> is set (e.g. <c>http://collector:4317</c>;
/// <c>Telemetry:OtlpProtocol</c> = <c>grpc</c>, the default, or <c>http</c> for OTLP/HTTP protobuf). Without an
/// endpoint nothing is registered: no listener, no exporter, and <see cref="GitBotTelemetry.Source"/> starts no activities.
/// </summary>
public static class GitBotTracing
{
    public const string EndpointKey = "Telemetry:OtlpEndpoint";
    public const string ProtocolKey = "Telemetry:OtlpProtocol";

    /// <summary>
    /// Registers the tracer provider for source <c>GitBot</c> plus <paramref name="extraSources"/> (serve adds
    /// <c>Microsoft.AspNetCore</c>, whose request activities need no instrumentation package), under the service name
    /// <paramref name="serviceName"/>. Returns whether tracing was enabled.
    /// </summary>
    public static bool AddGitBotTracing(this IServiceCollection services, IConfiguration configuration, string serviceName, params string[] extraSources)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[EndpointKey] is not { Length: > 0 } endpoint || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return false;
        }

        var protocol = string.Equals(configuration[ProtocolKey], "http", StringComparison.OrdinalIgnoreCase)
            ? OtlpExportProtocol.HttpProtobuf
            : OtlpExportProtocol.Grpc;
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing => tracing
                .AddSource([GitBotTelemetry.SourceName, .. extraSources])
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = uri;
                    otlp.Protocol = protocol;
                }));
        return true;
    }
}
