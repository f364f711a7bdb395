<SUBMISSION>
<ACCESSION-NUMBER>0002002260-24-000001
<TYPE>D
<PUBLIC-DOCUMENT-COUNT>1
<ITEMS>06b
<ITEMS>3C
<ITEMS>3C.7
<FILING-DATE>20240111
<DATE-OF-FILING-DATE-CHANGE>20240111
<EFFECTIVENESS-DATE>20240111
<FILER>
<COMPANY-DATA>
<CONFORMED-NAME>VEPF VIII Co-Invest 4-A, L.P.
<CIK>0002002260
<ORGANIZATION-NAME>
<IRS-NUMBER>000000000
<STATE-OF-INCORPORATION>DE
<FISCAL-YEAR-END>1231
</COMPANY-DATA>
<FILING-VALUES>
<FORM-TYPE>D
<ACT>33
<FILE-NUMBER>021-502201
<FILM-NUMBER>24529009
</FILING-VALUES>
<BUSINESS-ADDRESS>
<STREET1>4 EMBARCADERO CENTER, 20TH FLOOR
<CITY>SAN FRANCISCO
<STATE>CA
<ZIP>94111
<PHONE>415-765-6500
</BUSINESS-ADDRESS>
<MAIL-ADDRESS>
<STREET1>4 EMBARCADERO CENTER, 20TH FLOOR
<CITY>SAN FRANCISCO
<STATE>CA
<ZIP>94111
</MAIL-ADDRESS>
</FILER>
<DOCUMENT>
<TYPE>D
<SEQUENCE>1
<FILENAME>primary_doc.xml
<TEXT>
<XML>
<?xml version="1.0"?>
<edgarSubmission>

    <schemaVersion>X0708</schemaVersion>

    <submissionType>D</submissionType>

    <testOrLive>LIVE</testOrLive>

    <primaryIssuer>
        <cik>0002002260</cik>
        <entityName>VEPF VIII Co-Invest 4-A, L.P.</entityName>
        <issuerAddress>
            <street1>C/O VISTA EQUITY PARTNERS</street1>
            <street2>4 EMBARCADERO CENTER, 20TH FLOOR</street2>
            <city>SAN FRANCISCO</city>
            <stateOrCountry>CA</stateOrCountry>
            <stateOrCountryDescription>CALIFORNIA</stateOrCountryDescription>
            <zipCode>94111</zipCode>
        </issuerAddress>
        <issuerPhoneNumber>415-765-6500</issuerPhoneNumber>
        <jurisdictionOfInc>DELAWARE</jurisdictionOfInc>
        <issuerPreviousNameList>
            <value>None</value>
        </issuerPreviousNameList>
        <edgarPreviousNameList>
            <value>None</value>
        </edgarPreviousNameList>
        <entityType>Limited Partnership</entityType>
        <yearOfInc>
            <withinFiveYears>true</withinFiveYears>
            <value>2023</value>
        </yearOfInc>
    </primaryIssuer>

    <relatedPersonsList>
        <relatedPersonInfo>
            <relatedPersonName>
                <firstName>Robert</firstName>
                <middleName>F.</middleName>
                <lastName>Smith</lastName>
            </relatedPersonName>
            <relatedPersonAddress>
                <street1>c/o Vista Equity Partners</street1>
                <street2>4 Embarcadero Center, 20th Floor</street2>
                <city>San Francisco</city>
                <stateOrCountry>CA</stateOrCountry>
                <stateOrCountryDescription>CALIFORNIA</stateOrCountryDescription>
                <zipCode>94111</zipCode>
            </relatedPersonAddress>
            <relatedPersonRelationshipList>
                <relationship>Executive Officer</relationship>
            </relatedPersonRelationshipList>
            <relationshipClarification></relationshipClarification>
        </relatedPersonInfo>
        <relatedPersonInfo>
            <relatedPersonName>
                <firstName>N/A</firstName>
                <lastName>VEPF VIII Co-Invest 4 GP, LLC</lastName>
            </relatedPersonName>
            <relatedPersonAddress>
                <street1>c/o Vista Equity Partners</street1>
                <street2>4 Embarcadero Center, 20th Floor</street2>
                <city>San Francisco</city>
                <stateOrCountry>CA</stateOrCountry>
                <stateOrCountryDescription>CALIFORNIA</stateOrCountryDescription>
                <zipCode>94111</zipCode>
            </relatedPersonAddress>
            <relatedPersonRelationshipList>
                <relationship>Promoter</relationship>
            </relatedPersonRelationshipList>
            <relationshipClarification></relationshipClarification>
        </relatedPersonInfo>
        <relatedPersonInfo>
            <relatedPersonName>
                <firstName>Lauren</firstName>
                <lastName>Dillard</lastName>
            </relatedPersonName>
            <relatedPersonAddress>
                <street1>c/o Vista Equity Partners</street1>
                <street2>4 Embarcadero Center, 20th Floor</street2>
                <city>San Francisco</city>
                <stateOrCountry>CA</stateOrCountry>
                <stateOrCountryDescription>CALIFORNIA</stateOrCountryDescription>
                <zipCode>94111</zipCode>
            </relatedPersonAddress>
            <relatedPersonRelationshipList>
                <relationship>Executive Officer</relationship>
            </relatedPersonRelationshipList>
            <relationshipClarification></relationshipClarification>
        </relatedPersonInfo>
        <relatedPersonInfo>
            <relatedPersonName>
                <firstName>N/A</firstName>
                <lastName>VEPF VIII Co-Invest 4-A GP, L.P.</lastName>
            </relatedPersonName>
            <relatedPersonAddress>
                <street1>c/o Vista Equity Partners</street1>
                <street2>4 Embarcadero Center, 20th Floor</street2>
                <city>San Francisco</city>
                <stateOrCountry>CA</stateOrCountry>
                <stateOrCountryDescription>CALIFORNIA</stateOrCountryDescription>
                <zipCode>94111</zipCode>
            </relatedPersonAddress>
            <relatedPersonRelationshipList>
                <relationship>Promoter</relationship>
            </relatedPersonRelationshipList>
            <relationshipClarification></relationshipClarification>
        </relatedPersonInfo>
        <relatedPersonInfo>
            <relatedPersonName>
                <firstName>David</firstName>
                <lastName>Breach</lastName>
            </relatedPersonName>
            <relatedPersonAddress>
                <street1>c/o Vista Equity Partners</street1>
                <street2>4 Embarcadero Center, 20th Floor</street2>
                <city>San Francisco</city>
                <stateOrCountry>CA</stateOrCountry>
                <stateOrCountryDescription>CALIFORNIA</stateOrCountryDescription>
                <zipCode>94111</zipCode>
            </relatedPersonAddress>
            <relatedPersonRelationshipList>
                <relationship>Executive Officer</relationship>
            </relatedPersonRelationshipList>
            <relationshipClarification></relationshipClarification>
        </relatedPersonInfo>
        <relatedPersonInfo>
            <relatedPersonName>
                <firstName>Gwen</firstName>
                <lastName>Reinke</lastName>
            </relatedPersonName>
            <relatedPersonAddress>
                <street1>c/o Vista Equity Partners</street1>
                <street2>4 Embarcadero Center, 20th Floor</street2>
                <city>San Francisco</city>
                <stateOrCountry>CA</stateOrCountry>
                <stateOrCountryDescription>CALIFORNIA</stateOrCountryDescription>
                <zipCode>94111</zipCode>
            </relatedPersonAddress>
            <relatedPersonRelationshipList>
                <relationship>Executive Officer</relationship>
            </relatedPersonRelationshipList>
            <relationshipClarification></relationshipClarification>
        </relatedPersonInfo>
    </relatedPersonsList>

    <offeringData>
        <industryGroup>
            <industryGroupType>Pooled Investment Fund</industryGroupType>
            <investmentFundInfo>
                <investmentFundType>Private Equity Fund</investmentFundType>
                <is40Act>false</is40Act>
            </investmentFundInfo>
        </industryGroup>
        <issuerSize>
            <revenueRange>Decline to Disclose</revenueRange>
        </issuerSize>
        <federalExemptionsExclusions>
            <item>06b</item>
            <item>3C</item>
            <item>3C.7</item>
        </federalExemptionsExclusions>
        <typeOfFiling>
            <newOrAmendment>
                <isAmendment>false</isAmendment>
            </newOrAmendment>
            <dateOfFirstSale>
                <yetToOccur>true</yetToOccur>
            </dateOfFirstSale>
        </typeOfFiling>
        <durationOfOffering>
            <moreThanOneYear>false</moreThanOneYear>
        </durationOfOffering>
        <typesOfSecuritiesOffered>
            <isEquityType>true</isEquityType>
            <isPooledInvestmentFundType>true</isPooledInvestmentFundType>
        </typesOfSecuritiesOffered>
        <businessCombinationTransaction>
            <isBusinessCombinationTransaction>false</isBusinessCombinationTransaction>
            <clarificationOfResponse></clarificationOfResponse>
        </businessCombinationTransaction>
        <minimumInvestmentAccepted>0</minimumInvestmentAccepted>
        <salesCompensationList></salesCompensationList>
        <offeringSalesAmounts>
            <totalOfferingAmount>Indefinite</totalOfferingAmount>
            <totalAmountSold>0</totalAmountSold>
            <totalRemaining>Indefinite</totalRemaining>
            <clarificationOfResponse></clarificationOfResponse>
        </offeringSalesAmounts>
        <investors>
            <hasNonAccreditedInvestors>false</hasNonAccreditedInvestors>
            <totalNumberAlreadyInvested>0</totalNumberAlreadyInvested>
        </investors>
        <salesCommissionsFindersFees>
            <salesCommissions>
                <dollarAmount>0</dollarAmount>
            </salesCommissions>
            <findersFees>
                <dollarAmount>0</dollarAmount>
            </findersFees>
            <clarificationOfResponse></clarificationOfResponse>
        </salesCommissionsFindersFees>
        <useOfProceeds>
            <grossProceedsUsed>
                <dollarAmount>0</dollarAmount>
                <isEstimate>true</isEstimate>
            </grossProceedsUsed>
            <clarificationOfResponse>The General Partner and its affiliates are entitled to compensation. The compensation is fully disclosed in the Issuer's confidential offering materials.</clarificationOfResponse>
        </useOfProceeds>
        <signatureBlock>
            <authorizedRepresentative>false</authorizedRepresentative>
            <signature>
                <issuerName>VEPF VIII Co-Invest 4-A, L.P.</issuerName>
                <signatureName>Robert F. Smith</signatureName>
                <nameOfSigner>Robert F. Smith</nameOfSigner>
                <signatureTitle>Managing Member of Senior Managing Mbr of GP of GP of Issuer</signatureTitle>
                <signatureDate>2024-01-11</signatureDate>
            </signature>
        </signatureBlock>
    </offeringData>
</edgarSubmission>
</XML>
</TEXT>
</DOCUMENT>
</SUBMISSION>
