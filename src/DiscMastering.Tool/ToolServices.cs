namespace DiscMastering.Tool;

/// <summary>The one service the commands take through their constructors.</summary>
internal sealed class ToolServices(ToolContext context) : IServiceProvider
{
    public object? GetService(Type serviceType) => serviceType == typeof(ToolContext) ? context : null;
}
