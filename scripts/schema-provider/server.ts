// A Terraform provider plugin that serves a provider's schema and talks to no API: Terraform
// checks names, types, nesting and required arguments against it (validate), and plans and
// applies against it as if every call succeeded. Launched by Terraform through the mirror's
// wrapper: `node server.ts <schema.json>` (Node >= 22.18 runs TypeScript by stripping types).
// go-plugin's contract: magic cookie, AutoMTLS with PLUGIN_CLIENT_CERT, one handshake line on
// stdout, GRPCController/Shutdown to end.
import 'reflect-metadata'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { webcrypto } from 'node:crypto'
import * as grpc from '@grpc/grpc-js'
import * as protoLoader from '@grpc/proto-loader'
import * as x509 from '@peculiar/x509'
import { protoSchema, type ProviderSchemaFile, type Schema } from './schema.ts'
import { applyValue, decodeValue, encodeValue, planValue } from './values.ts'

const MAGIC_COOKIE_KEY = 'TF_PLUGIN_MAGIC_COOKIE'
const MAGIC_COOKIE_VALUE = 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2'
const here = dirname(fileURLToPath(import.meta.url))
const log = (message: string): void => void process.stderr.write(`[schema-provider] ${message}\n`)

type Call<Req> = grpc.ServerUnaryCall<Req, unknown>
type Callback = grpc.sendUnaryData<unknown>
interface DynamicValue {
  msgpack?: Uint8Array
  json?: Uint8Array
}

function error(summary: string, detail: string): Record<string, unknown> {
  return { severity: 1, summary, detail }
}

/** The tfplugin6 Provider service for one schema file. */
export function providerService(file: ProviderSchemaFile): grpc.UntypedServiceImplementation {
  const resources = Object.fromEntries(
    Object.entries(file.resource_schemas).map(([n, s]) => [n, protoSchema(s)])
  )
  const dataSources = Object.fromEntries(
    Object.entries(file.data_source_schemas).map(([n, s]) => [n, protoSchema(s)])
  )
  const unary =
    <Req>(handler: (request: Req) => Record<string, unknown>) =>
    (call: Call<Req>, callback: Callback): void => {
      try {
        callback(null, handler(call.request))
      } catch (thrown) {
        callback(null, { diagnostics: [error('schema-provider failed', String(thrown))] })
      }
    }
  const resource = (typeName: string): Schema => {
    const schema = file.resource_schemas[typeName]
    if (!schema)
      throw new Error(
        `${file.source} ${file.version} (schema-provider) has no resource type ${typeName}`
      )
    return schema
  }
  const noDiagnostics = unary(() => ({ diagnostics: [] }))
  return {
    GetMetadata: unary(() => ({
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false },
      resources: Object.keys(resources).map(type_name => ({ type_name })),
      data_sources: Object.keys(dataSources).map(type_name => ({ type_name }))
    })),
    GetProviderSchema: unary(() => ({
      provider: protoSchema(file.provider),
      resource_schemas: resources,
      data_source_schemas: dataSources,
      server_capabilities: { plan_destroy: false, get_provider_schema_optional: false }
    })),
    // Type, name and nesting checks are Terraform's own, against the schema; nothing to add.
    ValidateProviderConfig: noDiagnostics,
    ValidateResourceConfig: noDiagnostics,
    ValidateDataResourceConfig: noDiagnostics,
    ConfigureProvider: noDiagnostics,
    UpgradeResourceState: unary((request: { raw_state: { json: Uint8Array } }) => ({
      upgraded_state: { json: request.raw_state.json }
    })),
    ReadResource: unary((request: { current_state: DynamicValue; private: Uint8Array }) => ({
      new_state: request.current_state,
      private: request.private
    })),
    PlanResourceChange: unary(
      (request: { type_name: string; proposed_new_state: DynamicValue }) => {
        const proposed = decodeValue(request.proposed_new_state)
        return {
          planned_state: encodeValue(planValue(proposed, resource(request.type_name).block))
        }
      }
    ),
    ApplyResourceChange: unary((request: { type_name: string; planned_state: DynamicValue }) => {
      const planned = decodeValue(request.planned_state)
      return { new_state: encodeValue(applyValue(planned, resource(request.type_name).block)) }
    }),
    ImportResourceState: unary((request: { type_name: string }) => ({
      diagnostics: [
        error(
          `Cannot import ${request.type_name}`,
          `${file.source} here is schema-provider, a test double that serves only the schema and talks to no API.`
        )
      ]
    })),
    ReadDataSource: unary((request: { type_name: string; config: DynamicValue }) => {
      const schema = file.data_source_schemas[request.type_name]
      if (!schema)
        throw new Error(
          `${file.source} ${file.version} (schema-provider) has no data source ${request.type_name}`
        )
      const config = decodeValue(request.config)
      return { state: encodeValue(applyValue(planValue(config, schema.block), schema.block)) }
    }),
    // Asks to cancel calls in flight (there are none that wait); the process ends on Shutdown.
    StopProvider: unary(() => ({ Error: '' }))
  }
}

/** A self-signed server certificate for localhost (go-plugin AutoMTLS), PEM key and cert. */
async function serverCertificate(): Promise<{ key: Buffer; cert: Buffer; der: Buffer }> {
  x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0])
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])
  const now = Date.now()
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Buffer.from(webcrypto.getRandomValues(new Uint8Array(8)))
      .toString('hex')
      .replace(/^[89a-f]/, '1'),
    name: 'CN=localhost, O=HashiCorp',
    notBefore: new Date(now - 30_000),
    notAfter: new Date(now + 262_980 * 3_600_000), // go-plugin's own: 30 years
    keys: keys as unknown as x509.X509CertificateCreateSelfSignedParams['keys'],
    signingAlgorithm: algorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature |
          x509.KeyUsageFlags.keyEncipherment |
          x509.KeyUsageFlags.keyCertSign,
        true
      ),
      new x509.ExtendedKeyUsageExtension([
        x509.ExtendedKeyUsage.serverAuth,
        x509.ExtendedKeyUsage.clientAuth
      ]),
      new x509.SubjectAlternativeNameExtension([{ type: 'dns', value: 'localhost' }])
    ]
  })
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey))
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END PRIVATE KEY-----\n`
  return {
    key: Buffer.from(keyPem),
    cert: Buffer.from(cert.toString('pem')),
    der: Buffer.from(cert.rawData)
  }
}

async function main(schemaPath: string | undefined): Promise<void> {
  if (process.env[MAGIC_COOKIE_KEY] !== MAGIC_COOKIE_VALUE) {
    log(
      'This is a Terraform provider plugin (a schema-only test double): Terraform launches it; do not run it directly.'
    )
    process.exit(1)
  }
  if (!(process.env.PLUGIN_PROTOCOL_VERSIONS ?? '').split(',').includes('6')) {
    log(
      `Terraform asks for plugin protocol ${process.env.PLUGIN_PROTOCOL_VERSIONS ?? '(none)'}; this serves 6 only.`
    )
    process.exit(1)
  }
  const clientCert = process.env.PLUGIN_CLIENT_CERT
  if (!schemaPath || !clientCert) {
    log(
      !schemaPath
        ? 'usage: server.ts <schema.json>'
        : 'PLUGIN_CLIENT_CERT is not set: Terraform >= 0.15 sets it (AutoMTLS).'
    )
    process.exit(1)
  }
  const file = JSON.parse(readFileSync(schemaPath, 'utf8')) as ProviderSchemaFile
  const options = { keepCase: true, longs: Number, enums: Number, defaults: true, oneofs: true }
  const tfplugin6 = grpc.loadPackageDefinition(
    protoLoader.loadSync(join(here, 'tfplugin6.proto'), options)
  ).tfplugin6 as grpc.GrpcObject
  const plugin = grpc.loadPackageDefinition(
    protoLoader.loadSync(join(here, 'go-plugin.proto'), options)
  ).plugin as grpc.GrpcObject
  const service = (pkg: grpc.GrpcObject, name: string): grpc.ServiceDefinition =>
    (pkg[name] as grpc.ServiceClientConstructor).service

  const server = new grpc.Server()
  const streams: { end: () => void }[] = []
  const stop = (): void => {
    for (const stream of streams) stream.end()
    server.tryShutdown(() => process.exit(0))
    setTimeout(() => process.exit(0), 1_000).unref()
  }
  server.addService(service(tfplugin6, 'Provider'), providerService(file))
  server.addService(service(plugin, 'GRPCController'), {
    Shutdown: (_call: Call<unknown>, callback: Callback) => {
      callback(null, {})
      setImmediate(stop)
    }
  })
  // Held open until shutdown: this plugin writes nothing to be forwarded, and uses no broker.
  server.addService(service(plugin, 'GRPCStdio'), {
    StreamStdio: (stream: grpc.ServerWritableStream<unknown, unknown>) => void streams.push(stream)
  })
  server.addService(service(plugin, 'GRPCBroker'), {
    StartStream: (stream: grpc.ServerDuplexStream<unknown, unknown>) => {
      streams.push(stream)
      stream.on('data', () => {})
    }
  })

  // Terraform ends a plugin with Shutdown, or kills it; if Terraform itself is killed, nobody
  // would: leave when the parent (Terraform: the wrapper execs node) is gone.
  const parent = process.ppid
  setInterval(() => process.ppid !== parent && stop(), 1_000).unref()

  const { key, cert, der } = await serverCertificate()
  const credentials = grpc.ServerCredentials.createSsl(
    Buffer.from(clientCert),
    [{ private_key: key, cert_chain: cert }],
    true
  )
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', credentials, (err, bound) =>
      err ? reject(err) : resolve(bound)
    )
  )
  // go-plugin reads the certificate as unpadded base64 (Go's RawStdEncoding).
  process.stdout.write(
    `1|6|tcp|127.0.0.1:${port}|grpc|${der.toString('base64').replace(/=+$/, '')}\n`
  )
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv[2]).catch((thrown: unknown) => {
    log(`failed to start: ${thrown instanceof Error ? thrown.message : String(thrown)}`)
    process.exit(1)
  })
}
