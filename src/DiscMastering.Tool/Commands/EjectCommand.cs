using RequiredAttribute = System.ComponentModel.DataAnnotations.RequiredAttribute;
using DiscMastering.Imapi.Recording;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary><c>discmaster eject</c>: opens a recorder's tray.</summary>
[Command(Name = "eject", Description = "Open a recorder's tray.")]
internal sealed class EjectCommand : CommandBase
{
    public EjectCommand(ToolContext context)
        : base(context)
    {
    }

    [Option(RecorderAddress.Template, Description = RecorderAddress.Description)]
    [Required(ErrorMessage = RecorderAddress.Missing)]
    public string Recorder { get; init; } = "";

    protected override int Execute(CommandLineApplication app)
    {
        using var master = new DiscMaster();
        var recorder = master.GetRecorder(Recorder);
        recorder.Eject();
        Context.Output.WriteLine($"Ejected {recorder.Address}.");
        return 0;
    }
}
