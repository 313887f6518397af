using DiscMastering.Imapi;
using McMaster.Extensions.CommandLineUtils;

namespace DiscMastering.Tool.Commands;

/// <summary>What every command shares: help, the context, and turning failures into coded errors.</summary>
[HelpOption("-h|--help")]
internal abstract class CommandBase(ToolContext context)
{
    protected ToolContext Context { get; } = context;

    /// <summary>Called by CommandLineUtils' conventions.</summary>
    public int OnExecute(CommandLineApplication app)
    {
        try
        {
            return Execute(app);
        }
        catch (DiscMasteringException e)
        {
            return Context.Diagnostics.Report(e);
        }
        catch (OperationCanceledException) when (Context.CancellationToken.IsCancellationRequested)
        {
            return Context.Diagnostics.Cancelled(WhatCancellingLeaves);
        }
    }

    /// <summary>Called by CommandLineUtils' conventions when a declared rule ([Required], [AllowedValues]...) fails.</summary>
    public int OnValidationError(System.ComponentModel.DataAnnotations.ValidationResult result) =>
        Context.Diagnostics.InvalidArguments(result.ErrorMessage ?? "the command line is not valid");

    /// <summary>Said after a cancellation: what the user finds on disk.</summary>
    protected virtual string WhatCancellingLeaves => "nothing was changed.";

    protected abstract int Execute(CommandLineApplication app);
}
