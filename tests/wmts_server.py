"""A loopback WMTS for tests: a capabilities document in the EPSG:28992 tile matrix set as PDOK
publishes it (top left -285401.92, 903401.92; 12 288 000 scale at level 0, halved per level;
256-pixel tiles) and generated PNG tiles; some paths answer 404, 500, garbage or too late."""

from __future__ import annotations

import struct
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LEVELS = 15


def png(width: int = 256, height: int = 256, rgb=(200, 220, 200)) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    row = b"\x00" + bytes(rgb) * width
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def capabilities(base: str, tile_path: str = "tiles") -> bytes:
    matrices = "".join(f"""
      <TileMatrix><ows:Identifier>{level:02d}</ows:Identifier>
        <ScaleDenominator>{12288000 / 2 ** level}</ScaleDenominator>
        <TopLeftCorner>-285401.92 903401.92</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight>
        <MatrixWidth>{2 ** level}</MatrixWidth><MatrixHeight>{2 ** level}</MatrixHeight>
      </TileMatrix>""" for level in range(LEVELS))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
    xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:ServiceIdentification><ows:Title>Test BRT</ows:Title>
    <ows:ServiceType>OGC WMTS</ows:ServiceType><ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>
  </ows:ServiceIdentification>
  <ows:ServiceProvider><ows:ProviderName>Kadaster / PDOK</ows:ProviderName></ows:ServiceProvider>
  <Contents>
    <Layer><ows:Title>standaard</ows:Title><ows:Identifier>standaard</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>EPSG:28992</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile"
        template="{base}/{tile_path}/standaard/{{TileMatrixSet}}/{{TileMatrix}}/{{TileCol}}/{{TileRow}}.png"/>
    </Layer>
    <TileMatrixSet><ows:Identifier>EPSG:28992</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::28992</ows:SupportedCRS>{matrices}
    </TileMatrixSet>
  </Contents>
</Capabilities>""".encode()


class WmtsServer:
    def __init__(self):
        self.requests: list[str] = []
        self.slow_seconds = 3.0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server's name)
                outer.requests.append(self.path)
                base = f"http://127.0.0.1:{outer.port}"
                if self.path.startswith("/wmts"):
                    kind = self.path.split("/")[2].split("?")[0] if self.path.count("/") > 1 else "tiles"
                    return self._send(200, capabilities(base, kind), "application/xml")
                if self.path.startswith(("/wms", "/wms111")):
                    return self._wms(base)
                if self.path.startswith("/brokencaps"):
                    return self._send(200, b"<Capabilities><Contents>", "application/xml")
                if self.path.startswith("/e404/"):
                    return self._send(404, b"niet gevonden", "text/plain")
                if self.path.startswith("/e500/"):
                    return self._send(500, b"fout", "text/plain")
                if self.path.startswith("/garbage/"):
                    return self._send(200, b"dit is geen png", "image/png")
                if self.path.startswith("/slow/"):
                    time.sleep(outer.slow_seconds)
                return self._send(200, png(), "image/png")

            def _wms(self, base):
                query = self.path.split("?", 1)[-1].upper()
                version = "1.1.1" if self.path.startswith("/wms111") else "1.3.0"
                if "REQUEST=GETMAP" in query:
                    return self._send(200, png(64, 48, (180, 200, 230)), "image/png")
                return self._send(200, wms_capabilities(base, version), "application/xml")

            def _send(self, status, body, kind):
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "max-age=86400")
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def tile_requests(self) -> list[str]:
        return [p for p in self.requests if not p.startswith("/wmts")]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *args):
        self.server.shutdown()
        self.server.server_close()


def wms_capabilities(base: str, version: str = "1.3.0") -> bytes:
    """A WMS capabilities document (1.3.0 or 1.1.1): one layer in WGS 84 only, one in RD New."""
    crs = "CRS" if version == "1.3.0" else "SRS"
    root = "WMS_Capabilities" if version == "1.3.0" else "WMT_MS_Capabilities"
    ns = ' xmlns="http://www.opengis.net/wms" xmlns:xlink="http://www.w3.org/1999/xlink"' \
        if version == "1.3.0" else ' xmlns:xlink="http://www.w3.org/1999/xlink"'
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<{root} version="{version}"{ns}>
  <Service><Name>WMS</Name><Title>Test BGT</Title>
    <ContactInformation><ContactPersonPrimary><ContactOrganization>Gemeente Test</ContactOrganization>
    </ContactPersonPrimary></ContactInformation></Service>
  <Capability>
    <Request>
      <GetCapabilities><Format>text/xml</Format><DCPType><HTTP><Get>
        <OnlineResource xlink:href="{base}/wms?"/></Get></HTTP></DCPType></GetCapabilities>
      <GetMap><Format>image/jpeg</Format><Format>image/png</Format><DCPType><HTTP><Get>
        <OnlineResource xlink:href="{base}/wms?"/></Get></HTTP></DCPType></GetMap>
    </Request>
    <Layer><Title>Test</Title>
      <Layer queryable="0"><Name>wereld</Name><Title>Wereld</Title><{crs}>EPSG:4326</{crs}></Layer>
      <Layer queryable="0"><Name>bgt</Name><Title>BGT achtergrond</Title><{crs}>EPSG:28992</{crs}>
        <Attribution><Title>Kadaster / PDOK</Title></Attribution></Layer>
    </Layer>
  </Capability>
</{root}>""".encode()
