using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace StatelessAnalyzers.Core;

/// <summary>Compares objects by reference: for caches keyed on objects the compiler hands out once, such as a file's options.</summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    private ReferenceComparer()
    {
    }

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
