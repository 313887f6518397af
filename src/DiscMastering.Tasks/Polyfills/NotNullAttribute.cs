#if NETSTANDARD2_0
namespace System.Diagnostics.CodeAnalysis;

/// <summary>
/// netstandard2.0 lacks the nullable-analysis attributes; the compiler recognises them by name. The value is not
/// null when the member returns (a <c>[Required]</c> task input that MSBuild always sets).
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.ReturnValue)]
internal sealed class NotNullAttribute : Attribute
{
}
#endif
