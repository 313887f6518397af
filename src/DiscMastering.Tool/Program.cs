using System.Runtime.InteropServices;
using DiscMastering.Imapi;
using DiscMastering.Tool;
using DiscMastering.Tool.Commands;
using McMaster.Extensions.CommandLineUtils;
using McMaster.Extensions.CommandLineUtils.Conventions;

using var cancellation = new CancellationTokenSource();

// CommandLineUtils 2.3.0 has no cancellation of its own: Ctrl+C and SIGTERM cancel this token, and the
// command unwinds (deleting its temporary image) instead of the process dying mid-write.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancellation.Cancel();
});

Utf8Console.Use();
var context = new ToolContext(Console.Out, Console.Error, !Console.IsOutputRedirected, cancellation.Token, !Console.IsErrorRedirected);
try
{
    using var app = new CommandLineApplication<DiscmasterCommand>();

    // Compiled ahead of time, CommandLineUtils' GetParser<T> exists only for the T named in code: it reaches
    // the parser of each typed option (--boot-load-size, --start-block) by MakeGenericMethod, so those
    // instantiations are named here.
    _ = app.ValueParsers.GetParser<int>();
    _ = app.ValueParsers.GetParser<long?>();
    var arguments = ResponseFiles.Expand(args);

    // CommandLineUtils' default conventions, in their order, but with the subcommands added by
    // InvokedSubcommandConvention and built with the tool's services.
    app.Conventions
        .AddConvention(new AttributeConvention())
        .UseCommandAttribute()
        .UseVersionOptionFromMemberAttribute()
        .UseVersionOptionAttribute()
        .UseHelpOptionAttribute()
        .UseOptionAttributes()
        .UseArgumentAttributes()
        .AddConvention(new InvokedSubcommandConvention(arguments))
        .SetAppNameFromEntryAssembly()
        .SetRemainingArgsPropertyOnModel()
        .SetSubcommandPropertyOnModel()
        .SetParentPropertyOnModel()
        .UseOnExecuteMethodFromModel()
        .UseOnValidateMethodFromModel()
        .UseOnValidationErrorMethodFromModel()
        .UseConstructorInjection(new ToolServices(context))
        .UseDefaultHelpOption()
        .UseCommandNameFromModelType();
    return app.Execute(arguments);
}
catch (CommandParsingException e)
{
    return context.Diagnostics.InvalidArguments(e.Message);
}
catch (DiscMasteringException e)
{
    return context.Diagnostics.Report(e);
}
