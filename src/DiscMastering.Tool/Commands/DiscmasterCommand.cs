using System.Reflection;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary>The root command: lists the subcommands.</summary>
[Command(Name = "discmaster", FullName = "dotnet discmaster", Description = "Masters folders into ISO 9660 + Joliet disc images, inspects them, records them to disc recorders, and makes audio CDs from WAV files.")]
[VersionOptionFromMember("--version", MemberName = nameof(Version))]
internal sealed class DiscmasterCommand : CommandBase
{
    public DiscmasterCommand(ToolContext context)
        : base(context)
    {
    }

    /// <summary>The subcommands, in the order help lists them (added by <see cref="InvokedSubcommandConvention"/>).</summary>
    public static IReadOnlyList<Subcommand> Subcommands { get; } =
    [
        Subcommand.Of<ImageCommand>(),
        Subcommand.Of<InspectCommand>(),
        Subcommand.Of<RecordersCommand>(),
        Subcommand.Of<BurnCommand>(),
        Subcommand.Of<VerifyCommand>(),
        Subcommand.Of<EraseCommand>(),
        Subcommand.Of<EjectCommand>(),
        Subcommand.Of<AudioCommand>(),
        Subcommand.Of<ExtractCommand>(),
    ];

    public static string Version =>
        typeof(DiscmasterCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    protected override int Execute(CommandLineApplication app)
    {
        app.ShowHelp();
        return ToolDiagnostics.ErrorExitCode;
    }
}
