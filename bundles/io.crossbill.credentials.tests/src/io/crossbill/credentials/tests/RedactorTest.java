package io.crossbill.credentials.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.crossbill.credentials.Redactor;
import io.crossbill.credentials.Secret;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {

    @Test
    void knownSecretsAreMaskedWherever()  {
        String line = "POST /connect/token failed for client crossbill-client with secret cs-42-abc (cs-42-abc)";
        assertEquals("POST /connect/token failed for client crossbill-client with secret **** (****)",
                Redactor.redact(line, List.of("cs-42-abc".toCharArray())));
        assertEquals("pin 123 stays", Redactor.redact("pin 123 stays", List.of("123".toCharArray())),
                "values shorter than 4 characters are not searched for");
        assertEquals("**** and ****", Redactor.redact("abcd-long and abcd",
                List.of("abcd".toCharArray(), "abcd-long".toCharArray())), "the longer secret is masked whole");
    }

    @Test
    void headersJsonMembersAndParametersAreMasked() {
        assertEquals("Authorization: Bearer ****", Redactor.redactPatterns(
                "Authorization: Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjFDQUY4RTY2NzcyRDZEQzAyOEQ2NzI2RkQwMjYxNTgxNTcwRUZDMTkifQ.x.y"));
        assertEquals("authorization: basic ****", Redactor.redactPatterns(
                "authorization: basic Y3Jvc3NiaWxsLWNsaWVudDpzM2NyZXQ="));
        assertEquals("{\"access_token\":\"****\",\"expires_in\":1800,\"token_type\":\"Bearer\"}",
                Redactor.redactPatterns("{\"access_token\":\"abc.def\\\"ghi\",\"expires_in\":1800,\"token_type\":\"Bearer\"}"));
        assertEquals("{ \"Client_Secret\" : \"****\", \"refresh_token\":\"****\" }", Redactor.redactPatterns(
                "{ \"Client_Secret\" : \"s3cr3t\", \"refresh_token\":\"r-1\" }"));
        assertEquals("grant_type=client_credentials&client_secret=****&scope=accounting.contacts",
                Redactor.redactPatterns("grant_type=client_credentials&client_secret=s3cr3t%2F&scope=accounting.contacts"));
        assertEquals("GET /crm/v3/objects/deals?hapikey=**** 200", Redactor.redactPatterns(
                "GET /crm/v3/objects/deals?hapikey=0b6f-11aa 200"));
        assertEquals("a Bearer token was refused; the tokens table", Redactor.redactPatterns(
                "a Bearer token was refused; the tokens table"), "ordinary words stay");
    }

    @Test
    void aSecretShowsNothing() {
        Secret s = Secret.of("hunter22".toCharArray());
        assertEquals("****", s.toString());
        assertEquals("value ****", "value " + s);
        assertEquals(8, s.length());
        s.close();
        assertThrows(IllegalStateException.class, s::chars);
    }
}
