using System.Reflection;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary>The root command: lists the subcommands.</summary>
[Command(Name = "discmaster", FullName = "dotnet discmaster", Description = "Masters folders into ISO 9660 + Joliet disc images, inspects them, records them to disc recorders, and makes audio CDs from WAV files.")]
[Subcommand(typeof(ImageCommand), typeof(InspectCommand), typeof(RecordersCommand), typeof(BurnCommand), typeof(VerifyCommand), typeof(EraseCommand), typeof(EjectCommand), typeof(AudioCommand), typeof(ExtractCommand))]
[VersionOptionFromMember("--version", MemberName = nameof(Version))]
internal sealed class DiscmasterCommand : CommandBase
{
    public DiscmasterCommand(ToolContext context)
        : base(context)
    {
    }

    public static string Version =>
        typeof(DiscmasterCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    protected override int Execute(CommandLineApplication app)
    {
        app.ShowHelp();
        return ToolDiagnostics.ErrorExitCode;
    }
}
