/**
 */
package io.crossbill.mapping;

import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;

/**
 * <!-- begin-user-doc -->
 * The <b>Package</b> for the model.
 * It contains accessors for the meta objects to represent
 * <ul>
 *   <li>each class,</li>
 *   <li>each feature of each class,</li>
 *   <li>each operation of each class,</li>
 *   <li>each enum,</li>
 *   <li>and each data type</li>
 * </ul>
 * <!-- end-user-doc -->
 * <!-- begin-model-doc -->
 * Mapping designs: how one system's JSON becomes canonical records (INBOUND) and how canonical records become a system's JSON (OUTBOUND). A design is data, versioned and edited by the analyst; the runtime compiles each design version once.
 * 
 * Paths. A source path reads the source JSON: segments separated by '.', an optional leading '$.', 'name[2]' picks one array element and 'name[*]' takes every element (e.g. LineItems[*].UnitAmount). A target path writes the output: segments separated by '/' (or '.'), 'name[]' is an array whose element i is filled from the i-th value of the source's '[*]' (e.g. lines[]/unitAmount).
 * <!-- end-model-doc -->
 * @see io.crossbill.mapping.MappingFactory
 * @model kind="package"
 * @generated
 */
public interface MappingPackage extends EPackage {
	/**
	 * The package name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNAME = "mapping";

	/**
	 * The package namespace URI.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_URI = "http://crossbill.io/model/mapping/1.0";

	/**
	 * The package namespace name.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	String eNS_PREFIX = "mapping";

	/**
	 * The singleton instance of the package.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 */
	MappingPackage eINSTANCE = io.crossbill.mapping.impl.MappingPackageImpl.init();

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.impl.MappingDesignImpl <em>Design</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.impl.MappingDesignImpl
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getMappingDesign()
	 * @generated
	 */
	int MAPPING_DESIGN = 0;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN__NAME = 0;

	/**
	 * The feature id for the '<em><b>Version</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN__VERSION = 1;

	/**
	 * The feature id for the '<em><b>System</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN__SYSTEM = 2;

	/**
	 * The feature id for the '<em><b>Description</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN__DESCRIPTION = 3;

	/**
	 * The feature id for the '<em><b>Direction</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN__DIRECTION = 4;

	/**
	 * The feature id for the '<em><b>Entity Mappings</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN__ENTITY_MAPPINGS = 5;

	/**
	 * The feature id for the '<em><b>Test Cases</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN__TEST_CASES = 6;

	/**
	 * The number of structural features of the '<em>Design</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN_FEATURE_COUNT = 7;

	/**
	 * The number of operations of the '<em>Design</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int MAPPING_DESIGN_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.impl.EntityMappingImpl <em>Entity Mapping</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.impl.EntityMappingImpl
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getEntityMapping()
	 * @generated
	 */
	int ENTITY_MAPPING = 1;

	/**
	 * The feature id for the '<em><b>Source Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ENTITY_MAPPING__SOURCE_ENTITY = 0;

	/**
	 * The feature id for the '<em><b>Target Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ENTITY_MAPPING__TARGET_ENTITY = 1;

	/**
	 * The feature id for the '<em><b>Array Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ENTITY_MAPPING__ARRAY_PATH = 2;

	/**
	 * The feature id for the '<em><b>Rules</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ENTITY_MAPPING__RULES = 3;

	/**
	 * The number of structural features of the '<em>Entity Mapping</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ENTITY_MAPPING_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Entity Mapping</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int ENTITY_MAPPING_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.impl.FieldRuleImpl <em>Field Rule</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.impl.FieldRuleImpl
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getFieldRule()
	 * @generated
	 */
	int FIELD_RULE = 2;

	/**
	 * The feature id for the '<em><b>Target Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__TARGET_PATH = 0;

	/**
	 * The feature id for the '<em><b>Kind</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__KIND = 1;

	/**
	 * The feature id for the '<em><b>Source Path</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__SOURCE_PATH = 2;

	/**
	 * The feature id for the '<em><b>Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__VALUE = 3;

	/**
	 * The feature id for the '<em><b>Expression</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__EXPRESSION = 4;

	/**
	 * The feature id for the '<em><b>Value Map</b></em>' containment reference list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__VALUE_MAP = 5;

	/**
	 * The feature id for the '<em><b>Unmatched Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__UNMATCHED_VALUE = 6;

	/**
	 * The feature id for the '<em><b>Lookup System</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__LOOKUP_SYSTEM = 7;

	/**
	 * The feature id for the '<em><b>Lookup Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__LOOKUP_ENTITY = 8;

	/**
	 * The feature id for the '<em><b>Default Value</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__DEFAULT_VALUE = 9;

	/**
	 * The feature id for the '<em><b>Required</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__REQUIRED = 10;

	/**
	 * The feature id for the '<em><b>Transforms</b></em>' attribute list.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__TRANSFORMS = 11;

	/**
	 * The feature id for the '<em><b>Scale</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE__SCALE = 12;

	/**
	 * The number of structural features of the '<em>Field Rule</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE_FEATURE_COUNT = 13;

	/**
	 * The number of operations of the '<em>Field Rule</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int FIELD_RULE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.impl.ValueMapEntryImpl <em>Value Map Entry</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.impl.ValueMapEntryImpl
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getValueMapEntry()
	 * @generated
	 */
	int VALUE_MAP_ENTRY = 3;

	/**
	 * The feature id for the '<em><b>From</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VALUE_MAP_ENTRY__FROM = 0;

	/**
	 * The feature id for the '<em><b>To</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VALUE_MAP_ENTRY__TO = 1;

	/**
	 * The number of structural features of the '<em>Value Map Entry</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VALUE_MAP_ENTRY_FEATURE_COUNT = 2;

	/**
	 * The number of operations of the '<em>Value Map Entry</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int VALUE_MAP_ENTRY_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.impl.TestCaseImpl <em>Test Case</em>}' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.impl.TestCaseImpl
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getTestCase()
	 * @generated
	 */
	int TEST_CASE = 4;

	/**
	 * The feature id for the '<em><b>Name</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TEST_CASE__NAME = 0;

	/**
	 * The feature id for the '<em><b>Source Entity</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TEST_CASE__SOURCE_ENTITY = 1;

	/**
	 * The feature id for the '<em><b>Sample Json</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TEST_CASE__SAMPLE_JSON = 2;

	/**
	 * The feature id for the '<em><b>Expected Json</b></em>' attribute.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TEST_CASE__EXPECTED_JSON = 3;

	/**
	 * The number of structural features of the '<em>Test Case</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TEST_CASE_FEATURE_COUNT = 4;

	/**
	 * The number of operations of the '<em>Test Case</em>' class.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @generated
	 * @ordered
	 */
	int TEST_CASE_OPERATION_COUNT = 0;

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.Direction <em>Direction</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.Direction
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getDirection()
	 * @generated
	 */
	int DIRECTION = 5;

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.RuleKind <em>Rule Kind</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.RuleKind
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getRuleKind()
	 * @generated
	 */
	int RULE_KIND = 6;

	/**
	 * The meta object id for the '{@link io.crossbill.mapping.Transform <em>Transform</em>}' enum.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @see io.crossbill.mapping.Transform
	 * @see io.crossbill.mapping.impl.MappingPackageImpl#getTransform()
	 * @generated
	 */
	int TRANSFORM = 7;


	/**
	 * Returns the meta object for class '{@link io.crossbill.mapping.MappingDesign <em>Design</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Design</em>'.
	 * @see io.crossbill.mapping.MappingDesign
	 * @generated
	 */
	EClass getMappingDesign();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.MappingDesign#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.crossbill.mapping.MappingDesign#getName()
	 * @see #getMappingDesign()
	 * @generated
	 */
	EAttribute getMappingDesign_Name();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.MappingDesign#getVersion <em>Version</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Version</em>'.
	 * @see io.crossbill.mapping.MappingDesign#getVersion()
	 * @see #getMappingDesign()
	 * @generated
	 */
	EAttribute getMappingDesign_Version();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.MappingDesign#getSystem <em>System</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>System</em>'.
	 * @see io.crossbill.mapping.MappingDesign#getSystem()
	 * @see #getMappingDesign()
	 * @generated
	 */
	EAttribute getMappingDesign_System();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.MappingDesign#getDescription <em>Description</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Description</em>'.
	 * @see io.crossbill.mapping.MappingDesign#getDescription()
	 * @see #getMappingDesign()
	 * @generated
	 */
	EAttribute getMappingDesign_Description();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.MappingDesign#getDirection <em>Direction</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Direction</em>'.
	 * @see io.crossbill.mapping.MappingDesign#getDirection()
	 * @see #getMappingDesign()
	 * @generated
	 */
	EAttribute getMappingDesign_Direction();

	/**
	 * Returns the meta object for the containment reference list '{@link io.crossbill.mapping.MappingDesign#getEntityMappings <em>Entity Mappings</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Entity Mappings</em>'.
	 * @see io.crossbill.mapping.MappingDesign#getEntityMappings()
	 * @see #getMappingDesign()
	 * @generated
	 */
	EReference getMappingDesign_EntityMappings();

	/**
	 * Returns the meta object for the containment reference list '{@link io.crossbill.mapping.MappingDesign#getTestCases <em>Test Cases</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Test Cases</em>'.
	 * @see io.crossbill.mapping.MappingDesign#getTestCases()
	 * @see #getMappingDesign()
	 * @generated
	 */
	EReference getMappingDesign_TestCases();

	/**
	 * Returns the meta object for class '{@link io.crossbill.mapping.EntityMapping <em>Entity Mapping</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Entity Mapping</em>'.
	 * @see io.crossbill.mapping.EntityMapping
	 * @generated
	 */
	EClass getEntityMapping();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.EntityMapping#getSourceEntity <em>Source Entity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Entity</em>'.
	 * @see io.crossbill.mapping.EntityMapping#getSourceEntity()
	 * @see #getEntityMapping()
	 * @generated
	 */
	EAttribute getEntityMapping_SourceEntity();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.EntityMapping#getTargetEntity <em>Target Entity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Target Entity</em>'.
	 * @see io.crossbill.mapping.EntityMapping#getTargetEntity()
	 * @see #getEntityMapping()
	 * @generated
	 */
	EAttribute getEntityMapping_TargetEntity();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.EntityMapping#getArrayPath <em>Array Path</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Array Path</em>'.
	 * @see io.crossbill.mapping.EntityMapping#getArrayPath()
	 * @see #getEntityMapping()
	 * @generated
	 */
	EAttribute getEntityMapping_ArrayPath();

	/**
	 * Returns the meta object for the containment reference list '{@link io.crossbill.mapping.EntityMapping#getRules <em>Rules</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Rules</em>'.
	 * @see io.crossbill.mapping.EntityMapping#getRules()
	 * @see #getEntityMapping()
	 * @generated
	 */
	EReference getEntityMapping_Rules();

	/**
	 * Returns the meta object for class '{@link io.crossbill.mapping.FieldRule <em>Field Rule</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Field Rule</em>'.
	 * @see io.crossbill.mapping.FieldRule
	 * @generated
	 */
	EClass getFieldRule();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getTargetPath <em>Target Path</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Target Path</em>'.
	 * @see io.crossbill.mapping.FieldRule#getTargetPath()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_TargetPath();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getKind <em>Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Kind</em>'.
	 * @see io.crossbill.mapping.FieldRule#getKind()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_Kind();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getSourcePath <em>Source Path</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Path</em>'.
	 * @see io.crossbill.mapping.FieldRule#getSourcePath()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_SourcePath();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getValue <em>Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Value</em>'.
	 * @see io.crossbill.mapping.FieldRule#getValue()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_Value();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getExpression <em>Expression</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Expression</em>'.
	 * @see io.crossbill.mapping.FieldRule#getExpression()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_Expression();

	/**
	 * Returns the meta object for the containment reference list '{@link io.crossbill.mapping.FieldRule#getValueMap <em>Value Map</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the containment reference list '<em>Value Map</em>'.
	 * @see io.crossbill.mapping.FieldRule#getValueMap()
	 * @see #getFieldRule()
	 * @generated
	 */
	EReference getFieldRule_ValueMap();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getUnmatchedValue <em>Unmatched Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Unmatched Value</em>'.
	 * @see io.crossbill.mapping.FieldRule#getUnmatchedValue()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_UnmatchedValue();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getLookupSystem <em>Lookup System</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Lookup System</em>'.
	 * @see io.crossbill.mapping.FieldRule#getLookupSystem()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_LookupSystem();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getLookupEntity <em>Lookup Entity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Lookup Entity</em>'.
	 * @see io.crossbill.mapping.FieldRule#getLookupEntity()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_LookupEntity();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getDefaultValue <em>Default Value</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Default Value</em>'.
	 * @see io.crossbill.mapping.FieldRule#getDefaultValue()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_DefaultValue();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#isRequired <em>Required</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Required</em>'.
	 * @see io.crossbill.mapping.FieldRule#isRequired()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_Required();

	/**
	 * Returns the meta object for the attribute list '{@link io.crossbill.mapping.FieldRule#getTransforms <em>Transforms</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute list '<em>Transforms</em>'.
	 * @see io.crossbill.mapping.FieldRule#getTransforms()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_Transforms();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.FieldRule#getScale <em>Scale</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Scale</em>'.
	 * @see io.crossbill.mapping.FieldRule#getScale()
	 * @see #getFieldRule()
	 * @generated
	 */
	EAttribute getFieldRule_Scale();

	/**
	 * Returns the meta object for class '{@link io.crossbill.mapping.ValueMapEntry <em>Value Map Entry</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Value Map Entry</em>'.
	 * @see io.crossbill.mapping.ValueMapEntry
	 * @generated
	 */
	EClass getValueMapEntry();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.ValueMapEntry#getFrom <em>From</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>From</em>'.
	 * @see io.crossbill.mapping.ValueMapEntry#getFrom()
	 * @see #getValueMapEntry()
	 * @generated
	 */
	EAttribute getValueMapEntry_From();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.ValueMapEntry#getTo <em>To</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>To</em>'.
	 * @see io.crossbill.mapping.ValueMapEntry#getTo()
	 * @see #getValueMapEntry()
	 * @generated
	 */
	EAttribute getValueMapEntry_To();

	/**
	 * Returns the meta object for class '{@link io.crossbill.mapping.TestCase <em>Test Case</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for class '<em>Test Case</em>'.
	 * @see io.crossbill.mapping.TestCase
	 * @generated
	 */
	EClass getTestCase();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.TestCase#getName <em>Name</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Name</em>'.
	 * @see io.crossbill.mapping.TestCase#getName()
	 * @see #getTestCase()
	 * @generated
	 */
	EAttribute getTestCase_Name();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.TestCase#getSourceEntity <em>Source Entity</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Source Entity</em>'.
	 * @see io.crossbill.mapping.TestCase#getSourceEntity()
	 * @see #getTestCase()
	 * @generated
	 */
	EAttribute getTestCase_SourceEntity();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.TestCase#getSampleJson <em>Sample Json</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Sample Json</em>'.
	 * @see io.crossbill.mapping.TestCase#getSampleJson()
	 * @see #getTestCase()
	 * @generated
	 */
	EAttribute getTestCase_SampleJson();

	/**
	 * Returns the meta object for the attribute '{@link io.crossbill.mapping.TestCase#getExpectedJson <em>Expected Json</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for the attribute '<em>Expected Json</em>'.
	 * @see io.crossbill.mapping.TestCase#getExpectedJson()
	 * @see #getTestCase()
	 * @generated
	 */
	EAttribute getTestCase_ExpectedJson();

	/**
	 * Returns the meta object for enum '{@link io.crossbill.mapping.Direction <em>Direction</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Direction</em>'.
	 * @see io.crossbill.mapping.Direction
	 * @generated
	 */
	EEnum getDirection();

	/**
	 * Returns the meta object for enum '{@link io.crossbill.mapping.RuleKind <em>Rule Kind</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Rule Kind</em>'.
	 * @see io.crossbill.mapping.RuleKind
	 * @generated
	 */
	EEnum getRuleKind();

	/**
	 * Returns the meta object for enum '{@link io.crossbill.mapping.Transform <em>Transform</em>}'.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the meta object for enum '<em>Transform</em>'.
	 * @see io.crossbill.mapping.Transform
	 * @generated
	 */
	EEnum getTransform();

	/**
	 * Returns the factory that creates the instances of the model.
	 * <!-- begin-user-doc -->
	 * <!-- end-user-doc -->
	 * @return the factory that creates the instances of the model.
	 * @generated
	 */
	MappingFactory getMappingFactory();

	/**
	 * <!-- begin-user-doc -->
	 * Defines literals for the meta objects that represent
	 * <ul>
	 *   <li>each class,</li>
	 *   <li>each feature of each class,</li>
	 *   <li>each operation of each class,</li>
	 *   <li>each enum,</li>
	 *   <li>and each data type</li>
	 * </ul>
	 * <!-- end-user-doc -->
	 * @generated
	 */
	interface Literals {
		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.impl.MappingDesignImpl <em>Design</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.impl.MappingDesignImpl
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getMappingDesign()
		 * @generated
		 */
		EClass MAPPING_DESIGN = eINSTANCE.getMappingDesign();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MAPPING_DESIGN__NAME = eINSTANCE.getMappingDesign_Name();

		/**
		 * The meta object literal for the '<em><b>Version</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MAPPING_DESIGN__VERSION = eINSTANCE.getMappingDesign_Version();

		/**
		 * The meta object literal for the '<em><b>System</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MAPPING_DESIGN__SYSTEM = eINSTANCE.getMappingDesign_System();

		/**
		 * The meta object literal for the '<em><b>Description</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MAPPING_DESIGN__DESCRIPTION = eINSTANCE.getMappingDesign_Description();

		/**
		 * The meta object literal for the '<em><b>Direction</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute MAPPING_DESIGN__DIRECTION = eINSTANCE.getMappingDesign_Direction();

		/**
		 * The meta object literal for the '<em><b>Entity Mappings</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference MAPPING_DESIGN__ENTITY_MAPPINGS = eINSTANCE.getMappingDesign_EntityMappings();

		/**
		 * The meta object literal for the '<em><b>Test Cases</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference MAPPING_DESIGN__TEST_CASES = eINSTANCE.getMappingDesign_TestCases();

		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.impl.EntityMappingImpl <em>Entity Mapping</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.impl.EntityMappingImpl
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getEntityMapping()
		 * @generated
		 */
		EClass ENTITY_MAPPING = eINSTANCE.getEntityMapping();

		/**
		 * The meta object literal for the '<em><b>Source Entity</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ENTITY_MAPPING__SOURCE_ENTITY = eINSTANCE.getEntityMapping_SourceEntity();

		/**
		 * The meta object literal for the '<em><b>Target Entity</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ENTITY_MAPPING__TARGET_ENTITY = eINSTANCE.getEntityMapping_TargetEntity();

		/**
		 * The meta object literal for the '<em><b>Array Path</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute ENTITY_MAPPING__ARRAY_PATH = eINSTANCE.getEntityMapping_ArrayPath();

		/**
		 * The meta object literal for the '<em><b>Rules</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference ENTITY_MAPPING__RULES = eINSTANCE.getEntityMapping_Rules();

		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.impl.FieldRuleImpl <em>Field Rule</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.impl.FieldRuleImpl
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getFieldRule()
		 * @generated
		 */
		EClass FIELD_RULE = eINSTANCE.getFieldRule();

		/**
		 * The meta object literal for the '<em><b>Target Path</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__TARGET_PATH = eINSTANCE.getFieldRule_TargetPath();

		/**
		 * The meta object literal for the '<em><b>Kind</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__KIND = eINSTANCE.getFieldRule_Kind();

		/**
		 * The meta object literal for the '<em><b>Source Path</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__SOURCE_PATH = eINSTANCE.getFieldRule_SourcePath();

		/**
		 * The meta object literal for the '<em><b>Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__VALUE = eINSTANCE.getFieldRule_Value();

		/**
		 * The meta object literal for the '<em><b>Expression</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__EXPRESSION = eINSTANCE.getFieldRule_Expression();

		/**
		 * The meta object literal for the '<em><b>Value Map</b></em>' containment reference list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EReference FIELD_RULE__VALUE_MAP = eINSTANCE.getFieldRule_ValueMap();

		/**
		 * The meta object literal for the '<em><b>Unmatched Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__UNMATCHED_VALUE = eINSTANCE.getFieldRule_UnmatchedValue();

		/**
		 * The meta object literal for the '<em><b>Lookup System</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__LOOKUP_SYSTEM = eINSTANCE.getFieldRule_LookupSystem();

		/**
		 * The meta object literal for the '<em><b>Lookup Entity</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__LOOKUP_ENTITY = eINSTANCE.getFieldRule_LookupEntity();

		/**
		 * The meta object literal for the '<em><b>Default Value</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__DEFAULT_VALUE = eINSTANCE.getFieldRule_DefaultValue();

		/**
		 * The meta object literal for the '<em><b>Required</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__REQUIRED = eINSTANCE.getFieldRule_Required();

		/**
		 * The meta object literal for the '<em><b>Transforms</b></em>' attribute list feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__TRANSFORMS = eINSTANCE.getFieldRule_Transforms();

		/**
		 * The meta object literal for the '<em><b>Scale</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute FIELD_RULE__SCALE = eINSTANCE.getFieldRule_Scale();

		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.impl.ValueMapEntryImpl <em>Value Map Entry</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.impl.ValueMapEntryImpl
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getValueMapEntry()
		 * @generated
		 */
		EClass VALUE_MAP_ENTRY = eINSTANCE.getValueMapEntry();

		/**
		 * The meta object literal for the '<em><b>From</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VALUE_MAP_ENTRY__FROM = eINSTANCE.getValueMapEntry_From();

		/**
		 * The meta object literal for the '<em><b>To</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute VALUE_MAP_ENTRY__TO = eINSTANCE.getValueMapEntry_To();

		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.impl.TestCaseImpl <em>Test Case</em>}' class.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.impl.TestCaseImpl
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getTestCase()
		 * @generated
		 */
		EClass TEST_CASE = eINSTANCE.getTestCase();

		/**
		 * The meta object literal for the '<em><b>Name</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TEST_CASE__NAME = eINSTANCE.getTestCase_Name();

		/**
		 * The meta object literal for the '<em><b>Source Entity</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TEST_CASE__SOURCE_ENTITY = eINSTANCE.getTestCase_SourceEntity();

		/**
		 * The meta object literal for the '<em><b>Sample Json</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TEST_CASE__SAMPLE_JSON = eINSTANCE.getTestCase_SampleJson();

		/**
		 * The meta object literal for the '<em><b>Expected Json</b></em>' attribute feature.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @generated
		 */
		EAttribute TEST_CASE__EXPECTED_JSON = eINSTANCE.getTestCase_ExpectedJson();

		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.Direction <em>Direction</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.Direction
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getDirection()
		 * @generated
		 */
		EEnum DIRECTION = eINSTANCE.getDirection();

		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.RuleKind <em>Rule Kind</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.RuleKind
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getRuleKind()
		 * @generated
		 */
		EEnum RULE_KIND = eINSTANCE.getRuleKind();

		/**
		 * The meta object literal for the '{@link io.crossbill.mapping.Transform <em>Transform</em>}' enum.
		 * <!-- begin-user-doc -->
		 * <!-- end-user-doc -->
		 * @see io.crossbill.mapping.Transform
		 * @see io.crossbill.mapping.impl.MappingPackageImpl#getTransform()
		 * @generated
		 */
		EEnum TRANSFORM = eINSTANCE.getTransform();

	}

} //MappingPackage
