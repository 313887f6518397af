#if NETSTANDARD2_0
namespace System.Diagnostics.CodeAnalysis;

/// <summary>
/// netstandard2.0 lacks the nullable-analysis attributes; the compiler recognises them by name. The out parameter
/// is not null when the method returns <see cref="ReturnValue"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class NotNullWhenAttribute(bool returnValue) : Attribute
{
    /// <summary>The return value for which the parameter is not null.</summary>
    public bool ReturnValue { get; } = returnValue;
}
#endif
