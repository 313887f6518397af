namespace DiscMastering.Tool;

/// <summary>What every command gets: where to write, and the token that Ctrl+C or SIGTERM cancels.</summary>
internal sealed class ToolContext(TextWriter output, TextWriter error, bool outputIsTerminal, CancellationToken cancellationToken, bool errorIsTerminal = false)
{
    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when a person watches the output, so a redrawn progress bar makes sense.</summary>
    public bool OutputIsTerminal { get; } = outputIsTerminal;

    /// <summary>True when a person watches standard error: where progress goes when standard output carries an image.</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public ToolDiagnostics Diagnostics { get; } = new(error);
}
