namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>System.Drawing's <c>Image.Save</c>, which is not part of the shared framework.</summary>
internal static class DrawingStubs
{
    public const string Image = """
        namespace System.Drawing
        {
            public abstract class Image
            {
                public void Save(string filename) { }
                public void Save(System.IO.Stream stream, object format) { }
            }
        }
        """;
}
