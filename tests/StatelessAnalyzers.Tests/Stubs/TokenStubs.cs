namespace StatelessAnalyzers.Tests.Stubs;

/// <summary>Minimal declarations of token libraries (Microsoft.IdentityModel.Tokens, IdentityServer, OpenIddict) with their real namespaces and signatures.</summary>
internal static class TokenStubs
{
    /// <summary>Microsoft.IdentityModel.Tokens: keys, credentials and validation parameters.</summary>
    public const string IdentityModel = """
        namespace Microsoft.IdentityModel.Tokens
        {
            public abstract class SecurityKey { }
            public abstract class AsymmetricSecurityKey : SecurityKey { }

            public class SymmetricSecurityKey : SecurityKey
            {
                public SymmetricSecurityKey(byte[] key) { }
            }

            public class RsaSecurityKey : AsymmetricSecurityKey
            {
                public RsaSecurityKey(System.Security.Cryptography.RSA rsa) { }
                public RsaSecurityKey(System.Security.Cryptography.RSAParameters rsaParameters) { }
            }

            public class ECDsaSecurityKey : AsymmetricSecurityKey
            {
                public ECDsaSecurityKey(System.Security.Cryptography.ECDsa ecdsa) { }
            }

            public static class SecurityAlgorithms
            {
                public const string HmacSha256 = "HS256";
                public const string RsaSha256 = "RS256";
                public const string Aes128KW = "A128KW";
                public const string Aes128CbcHmacSha256 = "A128CBC-HS256";
            }

            public class SigningCredentials
            {
                public SigningCredentials(SecurityKey key, string algorithm) { }
            }

            public class EncryptingCredentials
            {
                public EncryptingCredentials(SecurityKey key, string alg, string enc) { }
            }

            public class TokenValidationParameters
            {
                public SecurityKey? IssuerSigningKey { get; set; }
                public System.Collections.Generic.IEnumerable<SecurityKey>? IssuerSigningKeys { get; set; }
                public SecurityKey? TokenDecryptionKey { get; set; }
                public bool ValidateIssuer { get; set; }
            }

            public class SecurityTokenDescriptor
            {
                public SigningCredentials? SigningCredentials { get; set; }
            }
        }
        """;

    /// <summary>IdentityServer4 / Duende.IdentityServer: <c>AddDeveloperSigningCredential</c>.</summary>
    public const string IdentityServer = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public interface IIdentityServerBuilder { IServiceCollection Services { get; } }

            public static class IdentityServerServiceCollectionExtensions
            {
                public static IIdentityServerBuilder AddIdentityServer(this IServiceCollection services) => null!;
            }

            public static class IdentityServerBuilderExtensionsCrypto
            {
                public static IIdentityServerBuilder AddDeveloperSigningCredential(this IIdentityServerBuilder builder, bool persistKey = true, string? filename = null) => builder;
                public static IIdentityServerBuilder AddSigningCredential(this IIdentityServerBuilder builder, Microsoft.IdentityModel.Tokens.SecurityKey key, string signingAlgorithm) => builder;
            }
        }
        """;

    /// <summary>OpenIddict.Server: the server builder and its key methods.</summary>
    public const string OpenIddict = """
        namespace Microsoft.Extensions.DependencyInjection
        {
            public class OpenIddictBuilder
            {
                public OpenIddictBuilder AddServer(System.Action<OpenIddictServerBuilder> configuration) => this;
            }

            public class OpenIddictServerBuilder
            {
                public OpenIddictServerBuilder AddEphemeralSigningKey() => this;
                public OpenIddictServerBuilder AddEphemeralEncryptionKey() => this;
                public OpenIddictServerBuilder AddDevelopmentSigningCertificate() => this;
                public OpenIddictServerBuilder AddDevelopmentEncryptionCertificate() => this;
                public OpenIddictServerBuilder AddSigningKey(Microsoft.IdentityModel.Tokens.SecurityKey key) => this;
                public OpenIddictServerBuilder AddSigningCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) => this;
            }

            public static class OpenIddictExtensions
            {
                public static OpenIddictBuilder AddOpenIddict(this IServiceCollection services) => new OpenIddictBuilder();
            }
        }
        """;
}
